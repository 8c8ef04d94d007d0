package io.policyauth.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.web.HttpTestClient;

/**
 * Thousands of well-formed unknown keys (anyone can compute the checksum) in parallel with one
 * key holder's requests: lookups beyond the bound are refused without a query, the key holder is
 * answered from the cache throughout.
 */
class KeyLookupFloodWebIntegrationTests {

    private static final int CLIENTS = 48;

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        clients.shutdownNow();
        if (app != null) {
            app.close();
        }
        mongo.close();
    }

    @Test
    void everyUnknownKeyIsEitherOneQueryOrRefusedWithoutOneAndTheKeyHolderIsServed() throws Exception {
        // Counted here are refusals for want of a permit; on a busy machine a query may outlast the
        // default 300 ms limit and be a store failure instead, so this run allows queries longer.
        HttpTestClient http = start("policy-auth.api-key.lookup-timeout=10s");
        String valid = app.getBean(ApiKeyManager.class).issue("holder", null, null, null, null).key();
        assertThat(http.get("/keyed", "X-API-KEY", valid).statusCode()).isEqualTo(200);
        DbApiKeyWebTestApplication.CommandLog commands = app.getBean(DbApiKeyWebTestApplication.CommandLog.class);
        long findsBefore = finds(commands);

        List<HttpResponse<String>> flood = flood(http, 2_000, valid, 100);

        List<HttpResponse<String>> unknown = flood.stream()
                .filter(response -> response.request().headers().firstValue("X-API-KEY").orElse("").equals(valid)
                        == false).toList();
        List<HttpResponse<String>> holder = flood.stream().filter(response -> !unknown.contains(response)).toList();
        long refused = unknown.stream().filter(response -> response.statusCode() == 503).count();
        assertThat(holder).hasSize(100).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(unknown).allSatisfy(response -> assertThat(response.statusCode()).isIn(401, 503));
        assertThat(unknown).filteredOn(response -> response.statusCode() == 503)
                .allSatisfy(response -> assertThat(response.headers().firstValue("Retry-After")).hasValue("1"));
        assertThat(finds(commands) - findsBefore).as("one query per unknown key not refused")
                .isEqualTo(unknown.size() - refused);
        assertThat(app.getBean(MeterRegistry.class).counter(ApiKeyLookup.REJECTED).count()).isEqualTo(refused);
    }

    @Test
    void aSlowStoreSaturatesTheLookupsWhileTheCachedKeyIsStillServed() throws Exception {
        HttpTestClient http = start("policy-auth.api-key.lookup-timeout=300ms");
        String valid = app.getBean(ApiKeyManager.class).issue("holder", null, null, null, null).key();
        assertThat(http.get("/keyed", "X-API-KEY", valid).statusCode()).isEqualTo(200);
        // A stopped server makes every lookup wait out its 300 ms time limit: as slow as a store gets.
        mongo.stop();

        List<HttpResponse<String>> flood = flood(http, 400, valid, 40);

        assertThat(flood).filteredOn(response -> valid.equals(response.request().headers()
                .firstValue("X-API-KEY").orElse(null))).hasSize(40)
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(flood).filteredOn(response -> "1".equals(response.headers().firstValue("Retry-After").orElse("")))
                .as("refused at once for want of a permit").isNotEmpty()
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(503));
        assertThat(app.getBean(MeterRegistry.class).counter(ApiKeyLookup.REJECTED).count()).isPositive();
    }

    private List<HttpResponse<String>> flood(HttpTestClient http, int unknownKeys, String valid, int holderRequests)
            throws Exception {
        ApiKeyFormat format = app.getBean(ApiKeyFormat.class);
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        int every = unknownKeys / holderRequests;
        for (int i = 0; i < unknownKeys; i++) {
            String key = format.generate();
            requests.add(() -> http.get("/keyed", "X-API-KEY", key));
            if (i % every == 0) {
                requests.add(() -> http.get("/keyed", "X-API-KEY", valid));
            }
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : clients.invokeAll(requests, 2, TimeUnit.MINUTES)) {
            responses.add(response.get());
        }
        return responses;
    }

    private static long finds(DbApiKeyWebTestApplication.CommandLog commands) {
        return commands.names().stream().filter("find"::equals).count();
    }

    private HttpTestClient start(String lookupTimeout) {
        app = new SpringApplicationBuilder(DbApiKeyWebTestApplication.class).properties("server.port=0", lookupTimeout,
                "spring.mongodb.uri=" + mongo.connectionString(), DbApiKeyWebTestApplication.JWT_SECRET, DbApiKeyWebTestApplication.SHARED_KEYS,
                DbApiKeyWebTestApplication.INTERNAL,
                DbApiKeyWebTestApplication.NO_BACKGROUND_FLUSH, "policy-auth.api-key.max-concurrent-lookups=2",
                // Revocation reads are finds too: keep them out of the count.
                "policy-auth.api-key.revocation-refresh-interval=1h",
                "policy-auth.api-key.revocation-max-staleness=1h").run();
        return new HttpTestClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
