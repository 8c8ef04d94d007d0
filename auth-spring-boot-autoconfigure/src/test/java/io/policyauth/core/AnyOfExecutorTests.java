package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AnyOfExecutorTests {

    private final SecurityRequestContext context = SecurityRequestContext.of("127.0.0.1", Map.of());

    @Test
    void firstPassingMemberWins() {
        AuthenticatedUser user = new AnyOfExecutor("a|b", List.of(failing("a", missing("A")), new PublicExecutor()))
                .execute(context);

        assertThat(user.isAnonymous()).isTrue();
    }

    @Test
    void presentedButBadCredentialBeatsAMissingOne() {
        AuthenticationException bad = new AuthenticationException("invalid_token", "bad", true,
                List.of(Challenge.of("Bearer").with("error", "invalid_token")), null);
        AnyOfExecutor anyOf = new AnyOfExecutor("a|b", List.of(failing("a", missing("ApiKey")), failing("b", bad)));

        assertThatThrownBy(() -> anyOf.execute(context)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.reason()).isEqualTo("invalid_token");
            assertThat(e.credentialPresented()).isTrue();
            assertThat(e.challenges()).extracting(Challenge::scheme).containsExactly("ApiKey", "Bearer");
        });
    }

    @Test
    void outageBeatsRefusalBeatsBadCredential() {
        AuthException unavailable = new AuthUnavailableException("down", "down", Duration.ofSeconds(1), null);
        AuthException forbidden = new ForbiddenException("nope", "nope", List.of());
        AuthException bad = new AuthenticationException("bad", "bad", true, List.of(Challenge.of("Bearer")), null);

        assertThatThrownBy(() -> new AnyOfExecutor("x", List.of(failing("a", bad), failing("b", forbidden),
                failing("c", unavailable))).execute(context)).isSameAs(unavailable);
        assertThatThrownBy(() -> new AnyOfExecutor("x", List.of(failing("a", bad), failing("b", forbidden)))
                .execute(context)).isSameAs(forbidden);
    }

    @Test
    void registryRejectsDuplicatesAndExplainsUnknownNames() {
        assertThatThrownBy(() -> new AuthExecutorRegistry(List.of(new PublicExecutor(), new PublicExecutor()), Map.of()))
                .hasMessageContaining("Policy 'public' is registered twice");
        AuthExecutorRegistry registry = new AuthExecutorRegistry(List.of(new PublicExecutor()),
                Map.of("private", "set policy-auth.jwt.secret."));
        assertThatThrownBy(() -> registry.get("private")).isInstanceOf(UnknownPolicyException.class)
                .hasMessage("Unknown policy 'private'. Known policies: [public]. Policy 'private' is built in but "
                        + "not configured: set policy-auth.jwt.secret.");
    }

    private static AuthenticationException missing(String scheme) {
        return new AuthenticationException("missing", "missing", false, List.of(Challenge.of(scheme)), null);
    }

    private static AuthExecutor failing(String policy, AuthException failure) {
        return new AuthExecutor() {
            @Override
            public String policy() {
                return policy;
            }

            @Override
            public AuthenticatedUser execute(SecurityRequestContext ignored) {
                throw failure;
            }
        };
    }
}
