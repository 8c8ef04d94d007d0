package io.policyauth.test.app;

import static io.policyauth.test.PolicyAuthRequestPostProcessors.apiKey;
import static io.policyauth.test.PolicyAuthRequestPostProcessors.bearerToken;
import static io.policyauth.test.PolicyAuthRequestPostProcessors.policyUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.mongo.MongoTokenDenylist;

/**
 * The helpers with the whole application and its MongoDB (in memory, over the real driver):
 * {@code @SpringBootTest} with {@code @AutoConfigureMockMvc}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"oidc", "mongo-stores"})
class FullContextMockMvcTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApiKeyManager keys;

    @Autowired
    TokenDenylist denylist;

    @Test
    void anIssuedKeyIsLookedUpInMongoDb() {
        String key = keys.issue("billing-service", "test", List.of("orders:read"), List.of(), null).key();

        assertThat(mvc.get().uri("/keys/me").with(apiKey(key))).hasStatusOk().bodyJson().extractingPath("$.subject")
                .isEqualTo("billing-service");
        assertThat(mvc.get().uri("/keys/me").with(apiKey(key + "x"))).hasStatus(401);
    }

    @Test
    void aPolicyUserStandsInForAKeyHereToo() {
        assertThat(mvc.get().uri("/keys/me").with(policyUser("alice"))).hasStatusOk();
    }

    @Test
    void aBearerTokenIsCheckedAgainstTheSharedDenylist() {
        assertThat(mvc.get().uri("/orders").with(bearerToken())).hasStatusOk();
        assertThat(denylist).isInstanceOf(MongoTokenDenylist.class);
    }
}
