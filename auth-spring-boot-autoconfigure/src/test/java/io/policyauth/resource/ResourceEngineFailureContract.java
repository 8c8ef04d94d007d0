package io.policyauth.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.policyauth.web.HttpTestClient;

/**
 * What every front answers when the engine cannot: with {@code policy-auth.resources.cerbos.url} at
 * a {@link HangingEngine}, {@code read-timeout} short and {@code max-concurrent-requests} 1, a
 * request that waits past the timeout, one refused at once while it waits, and, the engine gone,
 * one refused on connecting are each a 503 with {@code Retry-After}, counted {@code unavailable},
 * never a grant.
 */
public abstract class ResourceEngineFailureContract {

    @Autowired
    MeterRegistry meters;

    /**
     * @return the server's port
     */
    protected abstract int port();

    /**
     * @return the engine the application was pointed at
     */
    protected abstract HangingEngine engine();

    /**
     * @param subject the caller
     * @param tenant its tenant
     * @return an {@code Authorization} value the application's {@code private} policy admits
     */
    protected abstract String token(String subject, String tenant);

    @Test
    void hangingSaturatedAndStoppedAreEach503NeverAGrant() throws Exception {
        HttpTestClient http = new HttpTestClient(port());
        String bob = token("bob", "acme");

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() ->
                http.get("/documents/d1", "Authorization", bob));
        engine().awaitHeld(1);
        assertUnavailable(http.get("/documents/d1", "Authorization", bob));
        assertUnavailable(waiting.get(30, TimeUnit.SECONDS));
        engine().close();
        assertUnavailable(http.get("/documents/d1", "Authorization", bob));
        Timer unavailable = meters.find(ResourceDecisionMetrics.DECISIONS).tags("effect", "unavailable").timer();
        assertThat(unavailable).isNotNull();
        assertThat(unavailable.count()).isEqualTo(3);
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("read d1").contains("urn:policy-auth:problem:unavailable");
    }
}
