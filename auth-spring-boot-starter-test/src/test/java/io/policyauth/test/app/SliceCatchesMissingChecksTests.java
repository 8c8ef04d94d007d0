package io.policyauth.test.app;

import static io.policyauth.test.PolicyAuthRequestPostProcessors.bearerToken;
import static io.policyauth.test.PolicyAuthRequestPostProcessors.policyUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The negative: slice tests that a user writes wrongly, as if the endpoint were unprotected, fail,
 * because the slice enforces the application's policies. Each is run here by the JUnit engine and
 * must fail; the correct twin must pass.
 */
class SliceCatchesMissingChecksTests {

    @Test
    void expectingOkWithoutCredentialsFails() {
        assertThat(run("expectsOkWithoutCredentials").failed().count()).isEqualTo(1);
        assertThat(run("expectsUnauthorizedWithoutCredentials").succeeded().count()).isEqualTo(1);
    }

    @Test
    void expectingOkWithoutTheRequiredScopeFails() {
        assertThat(run("expectsOkForATokenWithoutTheScope").failed().count()).isEqualTo(1);
        assertThat(run("expectsOkForAUserWithoutTheScope").failed().count()).isEqualTo(1);
    }

    private static Events run(String method) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(UserWrittenSliceTest.class, method))
                .execute().testEvents();
    }

    /** Run only through {@link EngineTestKit}: a static nested class that neither Surefire nor Jupiter picks up. */
    @WebMvcTest(OrderController.class)
    @ActiveProfiles("rsa")
    static class UserWrittenSliceTest {

        @Autowired
        MockMvcTester mvc;

        @Test
        void expectsOkWithoutCredentials() {
            assertThat(mvc.post().uri("/orders")).hasStatusOk();
        }

        @Test
        void expectsUnauthorizedWithoutCredentials() {
            assertThat(mvc.post().uri("/orders")).hasStatus(401);
        }

        @Test
        void expectsOkForATokenWithoutTheScope() {
            assertThat(mvc.post().uri("/orders").with(bearerToken().scopes("orders:read"))).hasStatusOk();
        }

        @Test
        void expectsOkForAUserWithoutTheScope() {
            assertThat(mvc.post().uri("/orders").with(policyUser("alice"))).hasStatusOk();
        }
    }
}
