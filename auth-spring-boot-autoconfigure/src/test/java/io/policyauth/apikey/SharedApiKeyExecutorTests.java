package io.policyauth.apikey;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.Challenge;
import io.policyauth.core.InvalidCredentialRequestException;
import io.policyauth.core.SecurityRequestContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SharedApiKeyExecutorTests {

    private static final String KEY_1 = "k1-0123456789abcdef-current";
    private static final String KEY_2 = "k2-fedcba9876543210-next";

    private final SharedApiKeyExecutor executor = new SharedApiKeyExecutor("X-API-KEY", List.of(KEY_1, KEY_2));

    @Test
    void policyNameAndHeader() {
        assertThat(executor.policy()).isEqualTo("shared_api_key").isEqualTo(SharedApiKeyExecutor.POLICY);
        assertThat(executor.headerName()).isEqualTo("X-API-KEY");
    }

    @Test
    void correctKeyPassesAsItsPosition() {
        AuthenticatedUser user = executor.execute(request("X-API-KEY", KEY_1));
        assertThat(user.subject()).isEqualTo("shared-key-1");
        assertThat(user.mechanism()).isEqualTo("shared_api_key");
        assertThat(user.scopes()).isEmpty();
        assertThat(user.roles()).isEmpty();
        assertThat(user.claims()).isEmpty();
        assertThat(user.toString()).doesNotContain(KEY_1);
    }

    @Test
    void secondKeyPassesDuringRotation() {
        assertThat(executor.execute(request("X-API-KEY", KEY_2)).subject()).isEqualTo("shared-key-2");
    }

    @Test
    void headerNameIsCaseInsensitive() {
        assertThat(executor.execute(request("x-api-key", KEY_1)).subject()).isEqualTo("shared-key-1");
    }

    @Test
    void configuredHeaderIsRead() {
        SharedApiKeyExecutor custom = new SharedApiKeyExecutor("X-Service-Key", List.of(KEY_1));
        assertThat(custom.execute(request("X-Service-Key", KEY_1)).subject()).isEqualTo("shared-key-1");
        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> custom.execute(request("X-API-KEY", KEY_1)))
                .satisfies(failure -> assertThat(failure.challenges())
                        .containsExactly(new Challenge("ApiKey", Map.of("header", "X-Service-Key"))));
    }

    @Test
    void missingKeyIsUnauthenticatedWithChallenge() {
        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> executor.execute(SecurityRequestContext.of("10.0.0.1", Map.of())))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo("missing_api_key");
                    assertThat(failure.credentialPresented()).isFalse();
                    assertThat(failure.challenges()).containsExactly(new Challenge("ApiKey", Map.of("header", "X-API-KEY")));
                });
    }

    @Test
    void emptyKeyCountsAsMissing() {
        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> executor.execute(request("X-API-KEY", "")))
                .satisfies(failure -> assertThat(failure.reason()).isEqualTo("missing_api_key"));
    }

    @Test
    void wrongKeyIsUnauthenticatedWithInvalidKeyChallenge() {
        String wrong = "k1-0123456789abcdef-currenT";
        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> executor.execute(request("X-API-KEY", wrong)))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo("invalid_api_key");
                    assertThat(failure.credentialPresented()).isTrue();
                    Challenge challenge = failure.challenges().get(0);
                    assertThat(failure.challenges()).hasSize(1);
                    assertThat(challenge.scheme()).isEqualTo("ApiKey");
                    assertThat(challenge.params()).containsExactly(Map.entry("header", "X-API-KEY"),
                            Map.entry("error", "invalid_key"));
                    assertNoSecretIn(failure, wrong);
                });
    }

    @Test
    void keysOfOtherLengthsAreRejected() {
        for (String presented : List.of(KEY_1.substring(0, KEY_1.length() - 1), KEY_1 + "x", KEY_1 + KEY_2, "short-guess", " " + KEY_1,
                KEY_1 + " ")) {
            assertThatExceptionOfType(AuthenticationException.class)
                    .isThrownBy(() -> executor.execute(request("X-API-KEY", presented)))
                    .satisfies(failure -> {
                        assertThat(failure.reason()).isEqualTo("invalid_api_key");
                        assertNoSecretIn(failure, presented);
                    });
        }
    }

    @Test
    void duplicateHeaderIsABadRequestWithChallenge() {
        SecurityRequestContext twice = SecurityRequestContext.of("10.0.0.1", Map.of("X-API-KEY", List.of(KEY_1, KEY_2)));
        assertThatExceptionOfType(InvalidCredentialRequestException.class)
                .isThrownBy(() -> executor.execute(twice))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo("duplicate_credential");
                    assertThat(failure.challenges()).containsExactly(new Challenge("ApiKey",
                            Map.of("header", "X-API-KEY", "error", "invalid_request")));
                    assertNoSecretIn(failure, KEY_1);
                    assertNoSecretIn(failure, KEY_2);
                });
    }

    @Test
    void shortConfiguredKeyFailsWithoutEchoingIt() {
        String shortKey = "fifteen-chars!!";
        assertThat(shortKey).hasSize(15);
        assertThatIllegalArgumentException().isThrownBy(() -> new SharedApiKeyExecutor("X-API-KEY", List.of(KEY_1, shortKey)))
                .withMessage("Shared API key #2 is shorter than 16 characters")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(shortKey));
    }

    @Test
    void sixteenCharacterKeyIsEnough() {
        String key = "sixteen-chars!!!";
        assertThat(new SharedApiKeyExecutor("X-API-KEY", List.of(key)).execute(request("X-API-KEY", key)).subject())
                .isEqualTo("shared-key-1");
    }

    @Test
    void repeatedConfiguredKeyFailsWithoutEchoingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SharedApiKeyExecutor("X-API-KEY", List.of(KEY_1, KEY_2, KEY_1)))
                .withMessage("Shared API keys #1 and #3 are the same key");
    }

    @Test
    void invalidConfigurationFails() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SharedApiKeyExecutor("X-API-KEY", List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new SharedApiKeyExecutor(" ", List.of(KEY_1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new SharedApiKeyExecutor("X-API-KEY", Arrays.asList(KEY_1, null)))
                .withMessage("Shared API key #2 is shorter than 16 characters");
    }

    private static SecurityRequestContext request(String header, String value) {
        return SecurityRequestContext.of("10.0.0.1", Map.of(header, List.of(value)));
    }

    private static void assertNoSecretIn(AuthException failure, String secret) {
        assertThat(failure.getMessage()).doesNotContain(secret.strip());
        assertThat(failure.detail()).doesNotContain(secret.strip());
        assertThat(failure).hasNoCause();
        if (failure instanceof AuthenticationException unauthenticated) {
            assertThat(unauthenticated.challenges().toString()).doesNotContain(secret.strip());
        }
    }
}
