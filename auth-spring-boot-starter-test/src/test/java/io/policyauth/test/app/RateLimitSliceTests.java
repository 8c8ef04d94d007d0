package io.policyauth.test.app;

import static io.policyauth.test.PolicyAuthRequestPostProcessors.bearerToken;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.policyauth.test.TestRateLimits;

/** {@link TestRateLimits}: a limit exhausted at will, and every limit full again after a reset. */
@WebMvcTest(ExportController.class)
@ActiveProfiles("hs")
class RateLimitSliceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestRateLimits rateLimits;

    @AfterEach
    void fullAgain() {
        rateLimits.reset();
    }

    @Test
    void anExhaustedLimitRefusesEveryCallerWith429() {
        rateLimits.exhaust("exports");

        assertThat(mvc.get().uri("/exports").with(bearerToken().subject("alice"))).hasStatus(429).headers()
                .hasValue("Retry-After", "3600").hasValue("RateLimit", "\"exports\";r=0;t=3600");
        assertThat(mvc.get().uri("/exports")).as("a refused credential is refused first").hasStatus(401);
    }

    @Test
    void aResetMakesASpentLimitFullAgain() {
        assertThat(mvc.get().uri("/exports").with(bearerToken().subject("bob"))).hasStatusOk().headers()
                .hasValue("RateLimit", "\"exports\";r=1;t=1800");
        assertThat(mvc.get().uri("/exports").with(bearerToken().subject("bob"))).hasStatusOk();
        assertThat(mvc.get().uri("/exports").with(bearerToken().subject("bob"))).hasStatus(429);

        rateLimits.reset();

        assertThat(mvc.get().uri("/exports").with(bearerToken().subject("bob"))).hasStatusOk().headers()
                .hasValue("RateLimit", "\"exports\";r=1;t=1800");
    }
}
