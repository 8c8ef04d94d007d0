package io.policyauth.test.app;

import static io.policyauth.test.PolicyAuthRequestPostProcessors.bearerToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.policyauth.test.TestTokens;

/** {@code issuer(name)} with two issuers: one with a secret, one with an issuer URI. */
@WebMvcTest(OrderController.class)
@ActiveProfiles("issuers")
class MultipleIssuersSliceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens testTokens;

    @Test
    void eachNamedIssuerSignsTokensThePrivatePolicyAccepts() {
        assertThat(mvc.get().uri("/orders").with(bearerToken().issuer("partners").subject("partner-1")))
                .hasStatusOk().bodyJson().extractingPath("$.subject").isEqualTo("partner-1");
        assertThat(mvc.get().uri("/orders").with(bearerToken().issuer("staff").subject("employee-7")))
                .hasStatusOk().bodyJson().extractingPath("$.subject").isEqualTo("employee-7");
    }

    @Test
    void aTokenClaimingOneIssuerButSignedForAnotherIsRefused() {
        assertThat(mvc.get().uri("/orders").with(bearerToken().issuer("partners")
                .claim("iss", "http://127.0.0.1:9/realms/staff"))).hasStatus(401);
    }

    @Test
    void withSeveralIssuersTheTestMustNameOne() {
        assertThatIllegalStateException().isThrownBy(() -> testTokens.bearerToken().build())
                .withMessageContaining("name one with issuer(name)").withMessageContaining("partners");
        assertThatIllegalStateException().isThrownBy(() -> testTokens.bearerToken().issuer("contractors").build())
                .withMessageContaining("No issuer named 'contractors'");
    }
}
