package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import org.junit.jupiter.api.Test;

import io.policyauth.core.AuthenticatedUser;

/** Claim validators and a user mapper on the JWT path, as application beans plug them in. */
class JwtSeamsTests {

    @Test
    void everyValidatorMustPassAfterTheRegisteredClaims() {
        JwtClaimValidator ordersWebOnly = claims -> "orders-web".equals(claims.get("azp"));
        NimbusJwtAuthProvider provider = NimbusJwtAuthProvider.withSecret(TestKeys.SECRET)
                .rules(JwtClaimRules.defaults().withSeams(List.of(ordersWebOnly), JwtUserMapper.DEFAULT)).build();

        assertThat(provider.check(token("orders-web")).subject()).isEqualTo("alice");
        NimbusJwtAuthProviderTests.assertRejected(() -> provider.check(token("other-client")), "claim_rejected");
    }

    @Test
    void aUserMapperBuildsTheCallerAndMustNameASubject() {
        JwtUserMapper prefixed = (claims, mapping) -> AuthenticatedUser.builder("client:" + claims.get("azp"), "jwt")
                .roles(mapping.toUser(claims, "jwt").roles()).build();
        JwtUserMapper nameless = (claims, mapping) -> AuthenticatedUser.builder("", "jwt").build();

        assertThat(NimbusJwtAuthProvider.withSecret(TestKeys.SECRET)
                .rules(JwtClaimRules.defaults().withSeams(List.of(), prefixed))
                .build().check(token("orders-web")).subject()).isEqualTo("client:orders-web");
        NimbusJwtAuthProviderTests.assertRejected(() -> NimbusJwtAuthProvider.withSecret(TestKeys.SECRET)
                .rules(JwtClaimRules.defaults().withSeams(List.of(), nameless))
                .build().check(token("x")), "missing_subject");
    }

    /* A bug in the application's own check is no token fault: it fails the request as a logged 500, not a 401. */
    @Test
    void whatTheApplicationsSeamsThrowIsTheirsNotAMalformedToken() {
        JwtClaimValidator broken = claims -> {
            throw new IllegalStateException("the validator failed");
        };
        JwtUserMapper brokenMapper = (claims, mapping) -> {
            throw new IllegalArgumentException("the mapper failed");
        };

        assertThatIllegalStateException().isThrownBy(() -> NimbusJwtAuthProvider.withSecret(TestKeys.SECRET)
                .rules(JwtClaimRules.defaults().withSeams(List.of(broken), JwtUserMapper.DEFAULT)).build()
                .check(token("orders-web"))).withMessage("the validator failed");
        assertThatIllegalArgumentException().isThrownBy(() -> NimbusJwtAuthProvider.withSecret(TestKeys.SECRET)
                .rules(JwtClaimRules.defaults().withSeams(List.of(), brokenMapper)).build()
                .check(token("orders-web"))).withMessage("the mapper failed");
    }

    private static String token(String azp) {
        try {
            return TestKeys.token(new MACSigner(TestKeys.SECRET), JWSAlgorithm.HS256, claims -> claims.claim("azp", azp));
        }
        catch (KeyLengthException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
