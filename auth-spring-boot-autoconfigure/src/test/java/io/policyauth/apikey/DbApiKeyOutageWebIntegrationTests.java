package io.policyauth.apikey;

import java.net.http.HttpResponse;
import java.util.List;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.jwt.TokenIssuer;
import io.policyauth.web.HttpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** MongoDB stops while the application runs: db_api_key answers 503, every other policy goes on. */
@SpringBootTest(classes = DbApiKeyWebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { DbApiKeyWebTestApplication.JWT_SECRET, DbApiKeyWebTestApplication.SHARED_KEYS,
                DbApiKeyWebTestApplication.INTERNAL, DbApiKeyWebTestApplication.NO_BACKGROUND_FLUSH })
class DbApiKeyOutageWebIntegrationTests {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::connectionString);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyManager manager;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    ApiKeyFormat format;

    @Test
    void mongoDownIs503WithRetryAfterWhileOtherPoliciesAnswer200() {
        HttpTestClient http = new HttpTestClient(port);
        String key = manager.issue("client-7", null, null, null, null).key();
        assertThat(http.get("/keyed", "X-API-KEY", key).statusCode()).isEqualTo(200);

        MONGO.stop();

        HttpResponse<String> unavailable = http.get("/keyed", "X-API-KEY", format.generate());
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
        String port = MONGO.connectionString().replaceAll(".*:(\\d+)/.*", "$1");
        assertThat(unavailable.body()).doesNotContainIgnoringCase("mongo").doesNotContain("127.0.0.1")
                .doesNotContain("localhost").doesNotContain(port).doesNotContain("Exception").doesNotContain("\tat ");

        String token = tokens.createToken("alice", List.of("read"), List.of());
        assertThat(http.get("/private", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(http.get("/shared", "X-API-KEY", DbApiKeyWebTestApplication.SHARED_KEY).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/internal").statusCode()).isEqualTo(200);
        assertThat(http.get("/public").statusCode()).isEqualTo(200);
    }
}
