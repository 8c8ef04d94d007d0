package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.policyauth.apikey.TestClock;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.SecurityRequestContext;

/**
 * Opaque tokens introspected (RFC 7662) at a real HTTP endpoint the test answers for: the answer's
 * claims checked and mapped, answers cached by the token's hash for the TTL and never past
 * {@code exp}, inactive ones briefly, a refresh token refused, the endpoint's failures 503s.
 */
class IntrospectingAuthProviderTests {

    private static final long NOW = 1_800_000_000L;

    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final TestClock clock = new TestClock(Instant.ofEpochSecond(NOW));
    private HttpServer endpoint;
    private IntrospectingAuthProvider provider;

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/introspect", exchange -> {
            asked.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                            StandardCharsets.UTF_8));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        endpoint.start();
        URI uri = URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/introspect");
        JwtClaimRules rules = JwtClaimRules.of("https://as.example", Set.of("orders-api"), Duration.ofSeconds(60),
                null).withClock(clock);
        provider = new IntrospectingAuthProvider(new TokenIntrospector(new IntrospectionSettings(uri, "orders api",
                "s3cret:&", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(1)), clock), rules,
                Duration.ofSeconds(60), TokenDenylist.none(), null);
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    @Test
    void anActiveTokenIsMappedAndItsAnswerReusedUntilTheTtl() {
        answer.set(active(NOW + 600, "Bearer"));

        AuthenticatedUser caller = provider.check("opaque-1");
        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.scopes()).containsExactly("orders.read");
        assertThat(provider.check("opaque-1").subject()).isEqualTo("alice");
        assertThat(asked).singleElement().asString()
                .isEqualTo("Basic b3JkZXJzK2FwaTpzM2NyZXQlM0ElMjY= token=opaque-1&token_type_hint=access_token");

        clock.advance(Duration.ofSeconds(61));
        provider.check("opaque-1");
        assertThat(asked).hasSize(2);
    }

    @Test
    void onlyATokenWhoseAnswerIsCachedIsCheckedWithoutWaiting() {
        answer.set(active(NOW + 600, "Bearer"));
        assertThat(provider.mayBlock()).isTrue();
        assertThat(provider.mayBlock("opaque-6")).as("not yet asked").isTrue();

        provider.check("opaque-6");
        assertThat(provider.mayBlock("opaque-6")).as("answered from memory").isFalse();
        assertThat(provider.mayBlock("opaque-7")).isTrue();
        assertThat(provider.mayBlock("")).as("refused unasked").isFalse();
        assertThat(asked).hasSize(1);

        clock.advance(Duration.ofSeconds(61));
        assertThat(provider.mayBlock("opaque-6")).as("the answer is past the TTL").isTrue();
    }

    @Test
    void whatMayBlockReadIsHandedToTheCheckOfThatRequestOnly() {
        PrivateExecutor executor = new PrivateExecutor(provider);
        answer.set(active(NOW + 600, "Bearer"));
        provider.check("opaque-known");
        answer.set("{\"active\":false}");
        SecurityRequestContext known = bearer("opaque-known");
        SecurityRequestContext unknown = bearer("opaque-unknown");

        assertThat(executor.mayBlock(known)).isFalse();
        assertThat(executor.mayBlock(unknown)).isTrue();

        assertThat(executor.execute(known).subject()).isEqualTo("alice");
        assertThat(catchThrowableOfType(AuthenticationException.class, () -> executor.execute(unknown)).reason())
                .isEqualTo("token_inactive");
        assertThat(asked).hasSize(2);
    }

    @Test
    void anAnswerIsNeverReusedPastTheTokensExpiry() {
        answer.set(active(NOW + 10, "Bearer"));
        provider.check("opaque-2");

        clock.advance(Duration.ofSeconds(11));
        answer.set("{\"active\":false}");
        assertThat(reasonOf("opaque-2")).isEqualTo("token_inactive");
        assertThat(asked).hasSize(2);
    }

    @Test
    void inactiveAnswersAreReusedBrieflyAndRefusedWithInvalidToken() {
        answer.set("{\"active\":false}");

        assertThatThrownBy(() -> provider.check("opaque-3")).isInstanceOf(AuthenticationException.class)
                .satisfies(refused -> assertThat(((AuthenticationException) refused).challenges().get(0).params())
                        .containsEntry("error", "invalid_token"));
        assertThatThrownBy(() -> provider.check("opaque-3")).isInstanceOf(AuthenticationException.class);
        assertThat(asked).hasSize(1);
        answer.set(active(NOW + 600, "Bearer"));
        clock.advance(IntrospectingAuthProvider.INACTIVE_TTL.plusSeconds(1));
        assertThat(provider.check("opaque-3").subject()).isEqualTo("alice");
    }

    @Test
    void theAnswersClaimsAreCheckedAsAJwtsAre() {
        answer.set(active(NOW + 600, "refresh_token"));
        assertThat(reasonOf("a-refresh-token")).isEqualTo("wrong_token_type");
        answer.set(active(NOW + 600, "Bearer").replace("orders-api", "billing-api"));
        assertThat(reasonOf("for-another-api")).isEqualTo("bad_audience");
        answer.set(active(NOW + 600, "Bearer").replace("https://as.example", "https://evil.example"));
        assertThat(reasonOf("of-another-issuer")).isEqualTo("bad_issuer");
        answer.set(active(NOW - 600, "Bearer"));
        assertThat(reasonOf("expired")).isEqualTo("token_expired");
    }

    @Test
    void anEndpointThatCannotAnswerIsA503AndNothingIsCached() {
        status.set(401);
        answer.set("{\"error\":\"invalid_client\"}");
        assertThatThrownBy(() -> provider.check("opaque-4")).isInstanceOf(AuthUnavailableException.class);
        status.set(200);
        answer.set("not json");
        assertThatThrownBy(() -> provider.check("opaque-4")).isInstanceOf(AuthUnavailableException.class);
        answer.set(active(NOW + 600, "Bearer"));
        assertThat(provider.check("opaque-4").subject()).isEqualTo("alice");
        endpoint.stop(0);
        assertThatThrownBy(() -> provider.check("opaque-5")).isInstanceOf(AuthUnavailableException.class);
    }

    @Test
    void aJwtIsToldFromAnOpaqueTokenByItsShape() {
        assertThat(IntrospectingAuthProvider.isJws("a.b.c")).isTrue();
        assertThat(IntrospectingAuthProvider.isJws("a.b")).isFalse();
        assertThat(IntrospectingAuthProvider.isJws("a.b.c.d.e")).isFalse();
        assertThat(IntrospectingAuthProvider.isJws("2YotnFZFEjr1zCsicMWpAA")).isFalse();
    }

    private static SecurityRequestContext bearer(String token) {
        return SecurityRequestContext.of("127.0.0.1", Map.of("Authorization", List.of("Bearer " + token)));
    }

    private String reasonOf(String token) {
        return catchThrowableOfType(AuthenticationException.class, () -> provider.check(token)).reason();
    }

    private static String active(long exp, String type) {
        return """
                {"active":true,"sub":"alice","scope":"orders.read","iss":"https://as.example","aud":["orders-api"],
                 "exp":%d,"iat":%d,"token_type":"%s","client_id":"orders"}""".formatted(exp, NOW - 5, type);
    }
}
