package io.policyauth.autoconfigure.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.jwt.JwtAuthProvider;
import io.policyauth.jwt.NimbusJwtAuthProvider;
import io.policyauth.jwt.NimbusTokenIssuer;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.TokenIssuer;
import io.policyauth.jwt.TokenSettings;
import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;

@ExtendWith(OutputCaptureExtension.class)
class JwtPolicyAutoConfigurationTests {

    private static final String SECRET = "a-very-long-test-secret-of-at-least-32-bytes";
    private static final String AUDIENCE = "policy-auth.jwt.audiences=orders-api";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class, JwtPolicyAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void secretConfiguresProviderExecutorAndIssuerThatRoundTrip() {
        runner.withPropertyValues("policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.issuer=https://issuer.example",
                "policy-auth.jwt.audiences=orders-api").run(context -> {
                    assertThat(context).hasSingleBean(JwtAuthProvider.class).hasSingleBean(PrivateExecutor.class)
                            .hasSingleBean(TokenIssuer.class);
                    String token = context.getBean(TokenIssuer.class).createToken("alice", List.of("read"), List.of("admin"));
                    AuthenticatedUser user = context.getBean(JwtAuthProvider.class).check(token);
                    assertThat(user.subject()).isEqualTo("alice");
                    assertThat(user.roles()).containsExactly("admin");
                });
    }

    @Test
    void weakSecretFailsNamingThePropertyButNotTheSecret() {
        runner.withPropertyValues("policy-auth.jwt.secret=short-secret-value").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("policy-auth.jwt.secret")
                    .doesNotContain("short-secret-value");
        });
    }

    @Test
    void noKeySourceMeansNoPrivatePolicy() {
        runner.run(context -> assertThat(context).doesNotHaveBean(JwtAuthProvider.class)
                .doesNotHaveBean(PrivateExecutor.class).doesNotHaveBean(TokenIssuer.class));
    }

    @Test
    void disabledMeansNothing() {
        runner.withPropertyValues("policy-auth.enabled=false", "policy-auth.jwt.secret=" + SECRET)
                .run(context -> assertThat(context).doesNotHaveBean(PrivateExecutor.class));
    }

    @Test
    void twoKeySourcesFail() throws IOException {
        Path publicKey = write("public.pem", "PUBLIC KEY", rsa().getPublic());
        runner.withPropertyValues("policy-auth.jwt.secret=" + SECRET,
                "policy-auth.jwt.public-key-location=file:" + publicKey).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("policy-auth.jwt.secret")
                            .contains("policy-auth.jwt.public-key-location").doesNotContain(SECRET);
                });
    }

    @Test
    void algorithmTheKeyCannotVerifyFails() throws IOException {
        Path publicKey = write("public.pem", "PUBLIC KEY", rsa().getPublic());
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.public-key-location=file:" + publicKey,
                "policy-auth.jwt.algorithms=HS256").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("policy-auth.jwt.algorithms").contains("HS256");
                });
        runner.withPropertyValues("policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.algorithms=XS999")
                .run(context -> assertThat(messages(context.getStartupFailure())).contains("XS999")
                        .doesNotContain(SECRET));
    }

    @Test
    void unreadablePemFails() throws IOException {
        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.public-key-location=file:" + broken).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("policy-auth.jwt.public-key-location");
        });
    }

    @Test
    void rsaPrivateKeyAloneDerivesItsPublicKey() throws IOException {
        Path privateKey = write("private.pem", "PRIVATE KEY", rsa().getPrivate());
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.private-key-location=file:" + privateKey).run(context -> {
            assertThat(context).hasNotFailed();
            String token = context.getBean(TokenIssuer.class).createToken("bob", List.of(), List.of());
            assertThat(context.getBean(JwtAuthProvider.class).check(token).subject()).isEqualTo("bob");
        });
    }

    @Test
    void publicKeysWithoutAudiencesStopTheStartNamingTheProperty() throws IOException {
        Path privateKey = write("private.pem", "PRIVATE KEY", rsa().getPrivate());
        for (String keySource : new String[] {"policy-auth.jwt.private-key-location=file:" + privateKey,
            "policy-auth.jwt.jwk-set-uri=http://127.0.0.1:9/jwks"}) {
            runner.withPropertyValues(keySource).run(context -> assertThat(messages(context.getStartupFailure()))
                    .contains("policy-auth.jwt.audiences").contains("policy-auth.jwt.accept-any-audience=true"));
        }
        runner.withPropertyValues("policy-auth.jwt.secret=" + SECRET)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PrivateExecutor.class));
    }

    /* An entry of issuers has no private key: its message must not send the user looking for one. */
    @Test
    void anIssuerEntryWithoutAudiencesIsToldOnlyOfThePropertiesItHas() {
        runner.withPropertyValues("policy-auth.jwt.issuers.partner.issuer=https://partner.example",
                "policy-auth.jwt.issuers.partner.jwk-set-uri=http://127.0.0.1:9/jwks")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("policy-auth.jwt.issuers.partner.audiences")
                        .contains("policy-auth.jwt.issuers.partner.jwk-set-uri")
                        .doesNotContain("private-key-location"));
    }

    @Test
    void anyAudienceIsAcceptedOnlyWhenSaidOnPurpose() throws IOException {
        Path privateKey = write("private.pem", "PRIVATE KEY", rsa().getPrivate());
        runner.withPropertyValues("policy-auth.jwt.private-key-location=file:" + privateKey,
                "policy-auth.jwt.accept-any-audience=true").run(context -> {
                    assertThat(context).hasNotFailed();
                    String token = context.getBean(TokenIssuer.class).createToken("erin", List.of(), List.of());
                    assertThat(context.getBean(JwtAuthProvider.class).check(token).subject()).isEqualTo("erin");
                });
    }

    @Test
    void requiredTypeIsCheckedAndWrittenByTheIssuer() {
        runner.withPropertyValues("policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.required-type=at+jwt")
                .run(context -> {
                    String typed = context.getBean(TokenIssuer.class).createToken("fay", List.of(), List.of());
                    assertThat(context.getBean(JwtAuthProvider.class).check(typed).subject()).isEqualTo("fay");
                    String untyped = NimbusTokenIssuer.withSecret(SECRET.getBytes(StandardCharsets.UTF_8),
                            JWSAlgorithm.HS256, TokenSettings.of(null, List.of(), null, null))
                            .createToken("fay", List.of(), List.of());
                    assertThatExceptionOfType(AuthenticationException.class)
                            .isThrownBy(() -> context.getBean(JwtAuthProvider.class).check(untyped))
                            .satisfies(rejected -> assertThat(rejected.reason()).isEqualTo("wrong_token_type"));
                    String prefixed = NimbusTokenIssuer.withSecret(SECRET.getBytes(StandardCharsets.UTF_8),
                            JWSAlgorithm.HS256, TokenSettings.of(null, List.of(), null, null)
                                    .withType("application/AT+JWT"))
                            .createToken("fay", List.of(), List.of());
                    assertThat(context.getBean(JwtAuthProvider.class).check(prefixed).subject()).isEqualTo("fay");
                });
    }

    @Test
    void ecPrivateKeyAloneAsksForThePublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = generator.generateKeyPair();
        Path privateKey = write("ec-private.pem", "PRIVATE KEY", ec.getPrivate());
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.private-key-location=file:" + privateKey)
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("policy-auth.jwt.public-key-location"));

        Path publicKey = write("ec-public.pem", "PUBLIC KEY", ec.getPublic());
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.private-key-location=file:" + privateKey,
                "policy-auth.jwt.public-key-location=file:" + publicKey).run(context -> {
                    String token = context.getBean(TokenIssuer.class).createToken("carol", List.of(), List.of());
                    assertThat(context.getBean(JwtAuthProvider.class).check(token).subject()).isEqualTo("carol");
                });
    }

    @Test
    void mismatchedKeyPairFails() throws IOException {
        Path privateKey = write("private.pem", "PRIVATE KEY", rsa().getPrivate());
        Path publicKey = write("public.pem", "PUBLIC KEY", rsa().getPublic());
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.private-key-location=file:" + privateKey,
                "policy-auth.jwt.public-key-location=file:" + publicKey)
                .run(context -> assertThat(messages(context.getStartupFailure())).contains("not a key pair"));
    }

    @Test
    void jwkSetUriConfiguresAProviderWithoutFetchingAtStart() {
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.jwk-set-uri=http://127.0.0.1:9/jwks")
                .run(context -> assertThat(context).hasSingleBean(PrivateExecutor.class)
                        .doesNotHaveBean(TokenIssuer.class));
    }

    @Test
    void issuerUriConfiguresAProviderWithoutContactingTheIssuerAtStart() {
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.issuer-uri=http://127.0.0.1:9/realms/a")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PrivateExecutor.class));
        runner.withPropertyValues("policy-auth.jwt.issuer-uri=http://127.0.0.1:9/realms/a")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("policy-auth.jwt.audiences"));
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.issuer-uri=http://127.0.0.1:9/realms/a",
                "policy-auth.jwt.issuer=http://127.0.0.1:9/realms/b")
                .run(context -> assertThat(messages(context.getStartupFailure())).contains("policy-auth.jwt.issuer")
                        .contains("differs"));
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.issuer-uri=http://127.0.0.1:9/realms/a",
                "policy-auth.jwt.jwk-set-uri=http://127.0.0.1:9/jwks")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("policy-auth.jwt.issuer-uri").contains("policy-auth.jwt.jwk-set-uri"));
    }

    @Test
    void aVerificationKeyOverrideReplacesTheIssuerUriKeepingItsIssuerAndAudience(CapturedOutput output) {
        KeyPair keys = rsa();
        TokenSettings settings = TokenSettings.of("http://127.0.0.1:9/realms/a", List.of("orders-api"), null, null);
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.issuer-uri=http://127.0.0.1:9/realms/a")
                .withBean(JwtVerificationKeyOverride.class, () -> issuerName -> keys.getPublic())
                .run(context -> {
                    JwtAuthProvider provider = context.getBean(JwtAuthProvider.class);
                    String token = NimbusTokenIssuer.withPrivateKey(keys.getPrivate(), null, settings)
                            .createToken("alice", List.of(), List.of());
                    assertThat(provider.check(token).subject()).isEqualTo("alice");
                    String otherIssuer = NimbusTokenIssuer.withPrivateKey(keys.getPrivate(), null,
                            TokenSettings.of("http://127.0.0.1:9/realms/b", List.of("orders-api"), null, null))
                            .createToken("alice", List.of(), List.of());
                    assertThatExceptionOfType(AuthenticationException.class)
                            .isThrownBy(() -> provider.check(otherIssuer));
                    assertThat(output).contains("policy-auth.jwt: tokens are verified with a key from")
                            .contains("this must happen in tests only");
                });
    }

    @Test
    void aVerificationKeyOverrideIsNeverAskedForAnIssuerWithASecret() {
        runner.withPropertyValues("policy-auth.jwt.secret=" + SECRET)
                .withBean(JwtVerificationKeyOverride.class, () -> issuerName -> {
                    throw new AssertionError("asked for " + issuerName);
                })
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PrivateExecutor.class));
    }

    @Test
    void userDefinedProviderBacksOffOurs() {
        runner.withPropertyValues("policy-auth.jwt.secret=" + SECRET).withUserConfiguration(CustomProvider.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(JwtAuthProvider.class).hasSingleBean(PrivateExecutor.class);
                    assertThat(context.getBean(JwtAuthProvider.class)).isNotInstanceOf(NimbusJwtAuthProvider.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomProvider {

        @Bean
        JwtAuthProvider customJwtAuthProvider() {
            return token -> AuthenticatedUser.anonymous();
        }
    }

    @Test
    void verifiedTokenCacheIsOnForEveryKeyAndCanBeTurnedOff() throws IOException {
        Path privateKey = write("private.pem", "PRIVATE KEY", rsa().getPrivate());
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.private-key-location=file:" + privateKey).run(context -> {
            NimbusJwtAuthProvider provider = (NimbusJwtAuthProvider) context.getBean(JwtAuthProvider.class);
            assertThat(provider.cachesVerifiedTokens()).isTrue();
        });
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.private-key-location=file:" + privateKey,
                "policy-auth.jwt.verified-token-cache-size=0").run(context -> {
                    NimbusJwtAuthProvider provider = (NimbusJwtAuthProvider) context.getBean(JwtAuthProvider.class);
                    assertThat(provider.cachesVerifiedTokens()).isFalse();
                });
        runner.withPropertyValues("policy-auth.jwt.secret=" + SECRET).run(context -> assertThat(
                ((NimbusJwtAuthProvider) context.getBean(JwtAuthProvider.class)).cachesVerifiedTokens()).isTrue());
    }

    @Test
    void negativeVerifiedTokenCacheSizeFailsNamingTheProperty() throws IOException {
        Path privateKey = write("private.pem", "PRIVATE KEY", rsa().getPrivate());
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.private-key-location=file:" + privateKey,
                "policy-auth.jwt.verified-token-cache-size=-1").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("policy-auth.jwt.verified-token-cache-size");
                });
    }

    @Test
    void aTokenDenylistBeanIsConsultedOnEveryRequest() throws IOException {
        Path privateKey = write("private.pem", "PRIVATE KEY", rsa().getPrivate());
        runner.withPropertyValues(AUDIENCE, "policy-auth.jwt.private-key-location=file:" + privateKey)
                .withBean(TokenDenylist.class, () -> jti -> true).run(context -> {
                    String token = context.getBean(TokenIssuer.class).createToken("alice", List.of(), List.of());
                    assertThatExceptionOfType(AuthenticationException.class)
                            .isThrownBy(() -> context.getBean(JwtAuthProvider.class).check(token))
                            .satisfies(rejection -> assertThat(rejection.reason()).isEqualTo("token_revoked"));
                });
    }

    private Path write(String name, String type, Key key) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded()) + "\n-----END " + type + "-----\n");
        return file;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Every message in the cause chain, since Spring wraps the one that matters. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            all.append(current.getMessage()).append('\n');
        }
        return all.toString();
    }
}
