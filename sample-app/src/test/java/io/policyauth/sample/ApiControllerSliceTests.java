package io.policyauth.sample;

import static io.policyauth.test.PolicyAuthRequestPostProcessors.apiKey;
import static io.policyauth.test.PolicyAuthRequestPostProcessors.bearerToken;
import static io.policyauth.test.PolicyAuthRequestPostProcessors.policyUser;
import static io.policyauth.test.PolicyAuthRequestPostProcessors.remoteAddress;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.policyauth.sample.shared.ApiController;
import io.policyauth.test.WithPolicyUser;

/** The sample's endpoints in a {@code @WebMvcTest} slice, under the policies the application has. */
@WebMvcTest(ApiController.class)
class ApiControllerSliceTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void ordersNeedATokenWithTheWriteScope() {
        assertThat(mvc.post().uri("/api/orders")).hasStatus(401);
        assertThat(mvc.post().uri("/api/orders").with(bearerToken().scopes("orders:read"))).hasStatus(403)
                .headers().hasValue("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"orders:write\"");
        assertThat(mvc.post().uri("/api/orders").with(bearerToken().subject("carol").scopes("orders:write")))
                .hasStatusOk().bodyJson().extractingPath("$.by").isEqualTo("carol");
    }

    @Test
    void theEitherEndpointTakesAKeyOrAToken() {
        assertThat(mvc.get().uri("/api/either")).hasStatus(401);
        assertThat(mvc.get().uri("/api/either").with(apiKey("dev-shared-key-0123456789"))).hasStatusOk();
        assertThat(mvc.get().uri("/api/either").with(bearerToken())).hasStatusOk();
    }

    @Test
    void thePerClientKeyEndpointNeedsNoMongoDbForAPolicyUser() {
        assertThat(mvc.get().uri("/api/client/whoami").with(policyUser("acme").scopes("orders:read")))
                .hasStatusOk().bodyJson().extractingPath("$.owner").isEqualTo("acme");
    }

    @Test
    void theInternalEndpointAnswersLoopbackOnly() {
        assertThat(mvc.get().uri("/api/internal/status").with(remoteAddress("127.0.0.1"))).hasStatusOk();
        assertThat(mvc.get().uri("/api/internal/status").with(remoteAddress("203.0.113.9"))).hasStatus(403);
    }

    @Test
    @WithPolicyUser(subject = "dora", scopes = "orders:write")
    void everyRequestOfThisTestIsDora() {
        assertThat(mvc.get().uri("/api/me")).hasStatusOk().bodyJson().extractingPath("$.subject").isEqualTo("dora");
        assertThat(mvc.post().uri("/api/orders")).hasStatusOk();
    }
}
