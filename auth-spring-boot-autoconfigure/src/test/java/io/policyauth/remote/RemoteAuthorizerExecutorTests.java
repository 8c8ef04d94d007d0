package io.policyauth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.Challenge;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.InvalidCredentialRequestException;
import io.policyauth.core.Policies;
import io.policyauth.core.RequestBody;
import io.policyauth.core.RequestBodyRejectedException;
import io.policyauth.core.RequestHeaders;
import io.policyauth.core.Requirements;
import io.policyauth.core.SecurityRequestContext;

class RemoteAuthorizerExecutorTests {

    private final List<AuthorizerRequest> asked = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();

    @Test
    void grantBuildsTheUserFromTheAnswerAndTheBasicUser() {
        RemoteAuthorizerExecutor executor = executor(settings(Duration.ZERO, Requirements.NONE),
                answering(new AuthorizerAnswer(200, null, List.of("reader"), List.of("Orders:Read"), null)));

        AuthenticatedUser user = executor.execute(request("Authorization", basic("alice", "pw:with:colons")));

        assertThat(user.subject()).isEqualTo("alice");
        assertThat(user.roles()).containsExactly("reader");
        assertThat(user.scopes()).containsExactly("orders:read");
        assertThat(user.mechanism()).isEqualTo("remote");
        assertThat(asked.get(0).user()).isEqualTo("alice");
        assertThat(asked.get(0).pass()).isEqualTo("pw:with:colons");
        assertThat(asked.get(0).jsonFields()).containsOnlyKeys("user", "pass", "uri", "method");
    }

    @Test
    void authorizersSubjectWinsAndNoCredentialIsNamedRemote() {
        RemoteAuthorizerExecutor named = executor(settings(Duration.ZERO, Requirements.NONE),
                answering(new AuthorizerAnswer(200, "alice@corp", List.of(), List.of(), null)));
        RemoteAuthorizerExecutor unnamed = executor(settings(Duration.ZERO, Requirements.NONE),
                answering(new AuthorizerAnswer(200, null, List.of(), List.of(), null)));

        assertThat(named.execute(request("Authorization", basic("alice", "pw"))).subject()).isEqualTo("alice@corp");
        assertThat(unnamed.execute(request()).subject()).isEqualTo(RemoteAuthorizerExecutor.ANONYMOUS_SUBJECT);
        assertThat(asked.get(1).jsonFields()).containsOnlyKeys("uri", "method");
    }

    @Test
    void denialsMapTo401And403() {
        RemoteAuthorizerExecutor unauthenticated = executor(settings(Duration.ZERO, Requirements.NONE),
                answering(new AuthorizerAnswer(401, null, List.of(), List.of(), "secret reason")));
        RemoteAuthorizerExecutor tooMany = executor(settings(Duration.ZERO, Requirements.NONE),
                answering(new AuthorizerAnswer(429, null, List.of(), List.of(), null)));

        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> unauthenticated.execute(request("Authorization", "ApiKey abc")))
                .satisfies(denied -> {
                    assertThat(denied.challenges()).containsExactly(Challenge.of("ApiKey").with("realm", "team"));
                    assertThat(denied.credentialPresented()).isTrue();
                    assertThat(denied.detail()).doesNotContain("secret reason");
                });
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> tooMany.execute(request()))
                .satisfies(denied -> assertThat(denied.reason()).isEqualTo("remote_denied"));
    }

    @Test
    void malformedBasicIs401WithoutAsking() {
        RemoteAuthorizerExecutor executor = executor(settings(Duration.ZERO, Requirements.NONE),
                answering(new AuthorizerAnswer(200, null, List.of(), List.of(), null)));

        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> executor.execute(request("Authorization", "Basic !!notbase64")))
                .satisfies(denied -> assertThat(denied.reason()).isEqualTo("invalid_basic_credentials"));
        assertThat(asked).isEmpty();
    }

    @Test
    void twoAuthorizationHeadersAre400() {
        RemoteAuthorizerExecutor executor = executor(settings(Duration.ZERO, Requirements.NONE),
                answering(new AuthorizerAnswer(200, null, List.of(), List.of(), null)));
        SecurityRequestContext twice = SecurityRequestContext.of("127.0.0.1",
                Map.of("Authorization", List.of("Bearer a", "Bearer b")));

        assertThatExceptionOfType(InvalidCredentialRequestException.class).isThrownBy(() -> executor.execute(twice));
        assertThat(asked).isEmpty();
    }

    @Test
    void requirementsApplyAfterTheGrantWithoutAForeignChallenge() {
        RemotePolicySettings settings = settings(Duration.ZERO, Requirements.of(Set.of(), Set.of("admin")));
        AuthExecutor executor = Policies.withRequirements(
                executor(settings, answering(new AuthorizerAnswer(200, null, List.of("reader"), List.of(), null))),
                settings.requirements());

        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> executor.execute(request()))
                .satisfies(denied -> {
                    assertThat(denied.reason()).isEqualTo("insufficient_scope");
                    assertThat(denied.challenges()).isEmpty();
                });
    }

    @Test
    void cacheReusesGrantsAndDenialsUntilTheyExpire() {
        RemoteAuthorizerExecutor executor = executor(settings(Duration.ofSeconds(30), Requirements.NONE),
                answering(new AuthorizerAnswer(200, null, List.of("reader"), List.of(), null)));
        SecurityRequestContext alice = request("Authorization", basic("alice", "pw"));

        executor.execute(alice);
        executor.execute(alice);
        assertThat(asked).hasSize(1);

        executor.execute(request("Authorization", basic("alice", "other-pw")));
        assertThat(asked).hasSize(2);

        now.addAndGet(Duration.ofSeconds(31).toNanos());
        executor.execute(alice);
        assertThat(asked).hasSize(3);
    }

    @Test
    void outagesAreNeverCached() {
        AuthorizerClient down = request -> {
            asked.add(request);
            throw new AuthUnavailableException("remote_unavailable", "down", null, null);
        };
        RemoteAuthorizerExecutor executor = executor(settings(Duration.ofSeconds(30), Requirements.NONE), down);

        assertThatExceptionOfType(AuthUnavailableException.class).isThrownBy(() -> executor.execute(request()));
        assertThatExceptionOfType(AuthUnavailableException.class).isThrownBy(() -> executor.execute(request()));
        assertThat(asked).hasSize(2);
    }

    @Test
    void transientDenialsAreNotCached() {
        RemoteAuthorizerExecutor executor = executor(settings(Duration.ofSeconds(30), Requirements.NONE),
                answering(new AuthorizerAnswer(429, null, List.of(), List.of(), null)));

        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> executor.execute(request()));
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> executor.execute(request()));
        assertThat(asked).hasSize(2);
    }

    @Test
    void bodyIsSentUpToTheLimitAndALargerOneIsRefused() {
        RemotePolicySettings withBody = new RemotePolicySettings("team", URI.create("http://127.0.0.1:1/a"), List.of(),
                Duration.ofSeconds(1), Duration.ZERO, 10, true, 4, false, 2, Requirements.NONE);
        AuthorizerClient grant = answering(new AuthorizerAnswer(200, null, List.of(), List.of(), null));

        new RemoteAuthorizerExecutor(withBody, grant).execute(withBody("1234"));
        assertThat(asked.get(0).body()).isEqualTo("1234");

        assertThatExceptionOfType(RequestBodyRejectedException.class)
                .isThrownBy(() -> new RemoteAuthorizerExecutor(withBody, grant).execute(withBody("12345")))
                .satisfies(denied -> assertThat(denied.reason()).isEqualTo("body_too_large"));
        assertThat(asked).hasSize(1);
    }

    @Test
    void requestToStringShowsNoSecret() {
        AuthorizerRequest request = new AuthorizerRequest(Map.of("Authorization", List.of("Basic c2VjcmV0")), "alice",
                "hunter2", "/a", "GET", "card=4111");

        assertThat(request.toString()).doesNotContain("hunter2").doesNotContain("c2VjcmV0").doesNotContain("4111");
        assertThat(BasicCredentials.parse(basic("alice", "hunter2")).toString()).doesNotContain("hunter2");
    }

    private RemoteAuthorizerExecutor executor(RemotePolicySettings settings, AuthorizerClient client) {
        return new RemoteAuthorizerExecutor(settings, client, now::get);
    }

    private AuthorizerClient answering(AuthorizerAnswer answer) {
        return request -> {
            asked.add(request);
            return answer;
        };
    }

    private static SecurityRequestContext withBody(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        RequestBody copy = limit -> java.util.Arrays.copyOf(bytes, Math.min(bytes.length, limit + 1));
        return SecurityRequestContext.builder("127.0.0.1", RequestHeaders.of(Map.of()), "POST", "/orders").body(copy)
                .build();
    }

    private static RemotePolicySettings settings(Duration cacheTtl, Requirements requirements) {
        return new RemotePolicySettings("team", URI.create("http://127.0.0.1:1/authorize"), List.of(),
                Duration.ofSeconds(1), cacheTtl, 100, false, 1024, false, 2, requirements);
    }

    private static SecurityRequestContext request(String... headers) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return SecurityRequestContext.builder("127.0.0.1", RequestHeaders.of(map), "GET", "/orders").build();
    }

    private static String basic(String user, String pass) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    }
}
