package io.policyauth.apikey;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.web.HttpTestClient;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The db_api_key policy over HTTP, through Spring Boot's MongoDB auto-configuration and the real driver. */
@SpringBootTest(classes = DbApiKeyWebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { DbApiKeyWebTestApplication.JWT_SECRET, DbApiKeyWebTestApplication.SHARED_KEYS,
                DbApiKeyWebTestApplication.INTERNAL, DbApiKeyWebTestApplication.NO_BACKGROUND_FLUSH })
class DbApiKeyWebIntegrationTests {

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
    DbApiKeyWebTestApplication.CommandLog commands;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @Test
    void issueAcceptRevokeRefuse() {
        IssuedApiKey issued = manager.issue("client-7", "ci", List.of("orders:read"), List.of(), null);

        HttpResponse<String> accepted = http.get("/keyed", "X-API-KEY", issued.key());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(accepted.body(), "$.subject")).isEqualTo("client-7");
        assertThat((String) JsonPath.read(accepted.body(), "$.keyId")).isEqualTo(issued.metadata().keyId());

        manager.revoke(issued.metadata().keyId());

        HttpResponse<String> refused = http.get("/keyed", "X-API-KEY", issued.key());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate"))
                .containsExactly("ApiKey header=\"X-API-KEY\", error=\"invalid_key\"");
        assertThat(refused.body()).doesNotContain(issued.key());
    }

    @Test
    void unknownRevokedAndExpiredKeysGetTheSameBody() {
        IssuedApiKey revoked = manager.issue("client-7", null, null, null, null);
        manager.revoke(revoked.metadata().keyId());
        IssuedApiKey expired = manager.issue("client-7", null, null, null, Instant.now().plusSeconds(3600));
        // Moved into the past in the database, as if an hour had gone by: no waiting on the clock.
        MONGO.template().getCollection("api_keys").updateOne(new Document("_id", expired.metadata().keyId()),
                new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(60)))));
        String unknown = new ApiKeyFormat("pak").generate();

        HttpResponse<String> forUnknown = http.get("/keyed", "X-API-KEY", unknown);
        HttpResponse<String> forRevoked = http.get("/keyed", "X-API-KEY", revoked.key());
        HttpResponse<String> forExpired = http.get("/keyed", "X-API-KEY", expired.key());

        assertThat(List.of(forUnknown, forRevoked, forExpired)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(forUnknown.body());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"$ne\": null}", "{\"$gt\": \"\"}", "{\"$regex\": \".*\"}", "pak_{\"$ne\":null}" })
    void operatorStringsAre401WithoutAQuery(String attack) {
        manager.issue("client-7", null, null, null, null);
        commands.names().clear();

        assertThat(http.get("/keyed", "X-API-KEY", attack).statusCode()).isEqualTo(401);
        assertThat(commands.names()).isEmpty();
    }

    @Test
    void aChecksumTypoIs401WithoutAQuery() {
        String key = manager.issue("client-7", null, null, null, null).key();
        String typo = key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0");
        commands.names().clear();

        assertThat(http.get("/keyed", "X-API-KEY", typo).statusCode()).isEqualTo(401);
        assertThat(commands.names()).isEmpty();
    }

    @Test
    void repeatedRequestsAreServedFromTheCache() {
        String key = manager.issue("client-7", null, null, null, null).key();
        assertThat(http.get("/keyed", "X-API-KEY", key).statusCode()).isEqualTo(200);
        commands.names().clear();

        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/keyed", "X-API-KEY", key).statusCode()).isEqualTo(200);
        }
        assertThat(commands.names()).doesNotContain("find");
    }

    @Test
    void aMissingKeyIs401WithAChallenge() {
        HttpResponse<String> response = http.get("/keyed");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("ApiKey header=\"X-API-KEY\"");
    }

    @Test
    void indexesWereCreatedAtStart() {
        assertThat(MONGO.template().getCollection("api_keys").listIndexes().into(new ArrayList<>()))
                .anySatisfy(index -> assertThat(index.getBoolean("unique", false)).isTrue());
    }
}
