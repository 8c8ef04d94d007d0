package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import org.junit.jupiter.api.Test;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.Challenge;
import io.policyauth.core.InvalidCredentialRequestException;
import io.policyauth.core.SecurityRequestContext;

class PrivateExecutorTests {

    private final PrivateExecutor executor = new PrivateExecutor(
            NimbusJwtAuthProvider.withSecret(TestKeys.SECRET).build());

    @Test
    void acceptsAValidBearerTokenWithAnySchemeCase() throws Exception {
        String token = TestKeys.token(new MACSigner(TestKeys.SECRET), JWSAlgorithm.HS256, claims -> { });

        assertThat(executor.execute(request("Bearer " + token)).subject()).isEqualTo("alice");
        assertThat(executor.execute(request("bearer " + token)).subject()).isEqualTo("alice");
        assertThat(executor.policy()).isEqualTo(PrivateExecutor.POLICY).isEqualTo("private");
    }

    @Test
    void missingHeaderAsksForABearerTokenWithoutError() {
        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> executor.execute(SecurityRequestContext.of("127.0.0.1", Map.of())))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo("missing_token");
                    assertThat(failure.credentialPresented()).isFalse();
                    assertThat(failure.challenges()).containsExactly(Challenge.of("Bearer"));
                });
    }

    @Test
    void otherSchemeIsAMissingToken() {
        for (String header : List.of("Basic YWxpY2U6c2VjcmV0", "Bearerx abc", "Token abc")) {
            assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> executor.execute(request(header)))
                    .satisfies(failure -> {
                        assertThat(failure.reason()).isEqualTo("missing_token");
                        assertThat(failure.challenges()).containsExactly(Challenge.of("Bearer"));
                    });
        }
    }

    @Test
    void twoAuthorizationHeadersAreABadRequest() {
        SecurityRequestContext context = SecurityRequestContext.of("127.0.0.1",
                Map.of("Authorization", List.of("Bearer abc", "Bearer def")));

        assertThatExceptionOfType(InvalidCredentialRequestException.class).isThrownBy(() -> executor.execute(context))
                .satisfies(failure -> assertThat(failure.challenges()).singleElement()
                        .satisfies(challenge -> assertThat(challenge.params()).containsEntry("error", "invalid_request")));
    }

    @Test
    void malformedBearerValueIsAnInvalidToken() {
        for (String header : List.of("Bearer", "Bearer ", "Bearer a b", "Bearer abc$def", "Bearer ==abc")) {
            assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> executor.execute(request(header)))
                    .satisfies(failure -> {
                        assertThat(failure.reason()).isEqualTo("malformed_token");
                        assertThat(failure.credentialPresented()).isTrue();
                        assertThat(failure.challenges()).singleElement().satisfies(
                                challenge -> assertThat(challenge.params()).containsEntry("error", "invalid_token"));
                    });
        }
    }

    @Test
    void badTokenNeverAppearsInTheFailure() {
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ";

        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> executor.execute(request("Bearer " + token)))
                .satisfies(failure -> {
                    assertThat(failure.getMessage()).doesNotContain("eyJ").doesNotContain("c2lnbmF0dXJl");
                    assertThat(failure.challenges().toString()).doesNotContain("eyJ");
                });
    }

    @Test
    void whetherARequestMayBlockIsAskedOfItsOwnToken() {
        List<String> askedAbout = new ArrayList<>();
        PrivateExecutor remembering = new PrivateExecutor(new JwtAuthProvider() {
            @Override
            public AuthenticatedUser check(String token) {
                throw new UnsupportedOperationException("only asked whether it may block");
            }

            @Override
            public boolean mayBlock(String token) {
                askedAbout.add(token);
                return !token.equals("seen-before");
            }
        });

        assertThat(remembering.mayBlock()).isTrue();
        assertThat(remembering.mayBlock(request("Bearer seen-before"))).isFalse();
        assertThat(remembering.mayBlock(request("Bearer never-seen"))).isTrue();
        assertThat(remembering.mayBlock(SecurityRequestContext.of("127.0.0.1", Map.of()))).as("refused unasked")
                .isFalse();
        assertThat(askedAbout).containsExactly("seen-before", "never-seen");
        assertThat(executor.mayBlock(request("Bearer never-seen"))).as("configured keys never wait").isFalse();
    }

    private static SecurityRequestContext request(String authorization) {
        return SecurityRequestContext.of("127.0.0.1", Map.of("Authorization", List.of(authorization)));
    }
}
