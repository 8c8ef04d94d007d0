package io.policyauth.test.app;

import static io.policyauth.test.PolicyAuthRequestPostProcessors.apiKey;
import static io.policyauth.test.PolicyAuthRequestPostProcessors.policyUser;
import static io.policyauth.test.PolicyAuthRequestPostProcessors.remoteAddress;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.policyauth.apikey.ApiKeyFormat;
import io.policyauth.test.WithPolicyUser;

/**
 * {@code policyUser}, {@code @WithPolicyUser}, {@code apiKey} and {@code remoteAddress} in a slice of
 * an application whose denylist and audit are in MongoDB, which a slice does not start.
 */
@WebMvcTest(OrderController.class)
@ActiveProfiles({"rsa", "mongo-stores"})
@ExtendWith(OutputCaptureExtension.class)
class PolicyUserSliceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApiKeyFormat keyFormat;

    @Test
    void aPolicyUserAnswersEveryPolicysCredentialCheck() {
        for (String path : new String[] {"/orders", "/reports", "/keys/me", "/internal/metrics"}) {
            assertThat(mvc.get().uri(path).with(policyUser("alice").tenant("acme"))).hasStatusOk().bodyJson()
                    .extractingPath("$.subject").isEqualTo("alice");
        }
    }

    @Test
    void theEndpointsScopesAndRolesAreStillChecked() {
        assertThat(mvc.post().uri("/orders").with(policyUser("alice").scopes("orders:read"))).hasStatus(403);
        assertThat(mvc.post().uri("/orders").with(policyUser("alice").scopes("orders:write"))).hasStatusOk();
        assertThat(mvc.get().uri("/orders/admin").with(policyUser("alice"))).hasStatus(403);
        assertThat(mvc.get().uri("/orders/admin").with(policyUser("alice").roles("admin"))).hasStatusOk();
        assertThat(mvc.get().uri("/orders/refunds").with(policyUser("alice"))).hasStatus(403);
        assertThat(mvc.get().uri("/orders/refunds").with(policyUser("alice").permissions("refunds:read")))
                .hasStatusOk();
    }

    @Test
    void aPublicEndpointStillSeesNobody() {
        assertThat(mvc.get().uri("/hello").with(policyUser("alice"))).hasStatusOk().bodyJson()
                .extractingPath("$.subject").isEqualTo("anonymous");
    }

    @Test
    void withoutAUserEveryPolicyChecksForReal() {
        assertThat(mvc.get().uri("/orders")).hasStatus(401);
        assertThat(mvc.get().uri("/reports")).hasStatus(401);
        assertThat(mvc.get().uri("/keys/me")).hasStatus(401);
        assertThat(mvc.get().uri("/internal/metrics")).hasStatus(403);
    }

    @Test
    void anApiKeyIsSentInTheConfiguredHeader() {
        assertThat(mvc.get().uri("/reports").with(apiKey("test-shared-key-0123456789"))).hasStatusOk();
        assertThat(mvc.get().uri("/reports").with(apiKey("not-a-configured-key-0000"))).hasStatus(401);
    }

    @Test
    void theRemoteAddressIsWhatInternalSees() {
        assertThat(mvc.get().uri("/internal/metrics").with(remoteAddress("10.1.2.3"))).hasStatusOk();
        assertThat(mvc.get().uri("/internal/metrics").with(remoteAddress("203.0.113.9"))).hasStatus(403);
    }

    @Test
    void aKeyThatReachesTheAbsentStoreFailsSayingWhatToDo(CapturedOutput output) {
        assertThat(mvc.get().uri("/keys/me").with(apiKey(keyFormat.generate()))).hasStatus(500);
        assertThat(output).contains("this test context starts no MongoDB").contains("@WithPolicyUser");
    }

    @Test
    @WithPolicyUser(subject = "carol", scopes = "orders:write")
    void withPolicyUserAnswersEveryRequestOfTheMethod() {
        assertThat(mvc.post().uri("/orders")).hasStatusOk().bodyJson().extractingPath("$.subject")
                .isEqualTo("carol");
        assertThat(mvc.get().uri("/orders/admin")).hasStatus(403);
        assertThat(mvc.get().uri("/orders").with(policyUser("dave"))).hasStatusOk().bodyJson()
                .extractingPath("$.subject").isEqualTo("dave");
    }

    @Test
    @WithPolicyUser(subject = "gus", permissions = "refunds:*")
    void withPolicyUserHoldsPermissions() {
        assertThat(mvc.get().uri("/orders/refunds")).hasStatusOk().bodyJson().extractingPath("$.subject")
                .isEqualTo("gus");
    }

    @Nested
    @WithPolicyUser(subject = "erin", roles = "admin")
    class OnAClass {

        @Test
        void everyMethodOfTheClassHasTheUser() {
            assertThat(mvc.get().uri("/orders/admin")).hasStatusOk().bodyJson().extractingPath("$.subject")
                    .isEqualTo("erin");
        }

        @Test
        @WithPolicyUser(subject = "frank")
        void aMethodsOwnAnnotationWins() {
            assertThat(mvc.get().uri("/orders/admin")).hasStatus(403);
        }
    }

    @Test
    void theUserOfAnAnnotatedMethodDoesNotOutliveIt() {
        assertThat(mvc.get().uri("/orders")).hasStatus(401);
    }
}
