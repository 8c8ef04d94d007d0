package io.policyauth.autoconfigure.jwt;

import java.security.PublicKey;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.jwt.JwtClaimRules;
import io.policyauth.jwt.IntrospectingAuthProvider;
import io.policyauth.jwt.JwtAuthProvider;
import io.policyauth.jwt.NimbusJwtAuthProvider;
import io.policyauth.jwt.TokenIntrospector;
import io.policyauth.jwt.TokenDenylist;

/** Assembles the provider that verifies one issuer's tokens from its checked settings. */
final class JwtVerifierFactory {

    private JwtVerifierFactory() {
    }

    /**
     * @param settings the issuer's settings
     * @param denylist revoked token ids
     * @param tasks runs JWK Set refreshes
     * @param seams the application's claim checks and user mapping for this issuer
     * @param replacementKey verifies instead of the configured public key, JWK Set or issuer URI
     *        (a test key), or {@code null}
     * @return the provider: of JWTs, of opaque tokens by introspection, or of both
     */
    static JwtAuthProvider create(JwtIssuerSettings settings, TokenDenylist denylist, BackgroundTasks tasks,
            JwtSeams seams, @Nullable PublicKey replacementKey) {
        settings.requireOneKeySource();
        settings.requireAudienceForPublicKeys();
        JwtClaimRules rules = settings.claimRules(seams);
        NimbusJwtAuthProvider jwts = settings.hasJwtKeys() || replacementKey != null
                ? jwts(settings, tasks, replacementKey, rules, denylist) : null;
        if (!settings.introspects()) {
            return jwts;
        }
        // An introspection answer names its issuer as a JWT does: issuer-uri, else issuer, is required of it.
        String issuer = settings.issuerName();
        return new IntrospectingAuthProvider(new TokenIntrospector(settings.introspection(), settings.clock()),
                issuer == null ? rules : rules.withIssuer(issuer),
                settings.properties().getIntrospection().getCacheTtl(), denylist, jwts);
    }

    private static NimbusJwtAuthProvider jwts(JwtIssuerSettings settings, BackgroundTasks tasks,
            @Nullable PublicKey replacementKey, JwtClaimRules rules, TokenDenylist denylist) {
        JwtIssuerProperties jwt = settings.properties();
        try {
            NimbusJwtAuthProvider.Builder builder;
            if (settings.verifiesWithSecret()) {
                builder = NimbusJwtAuthProvider.withSecret(settings.secret());
            }
            else if (replacementKey != null) {
                String issuer = settings.issuerName();
                builder = NimbusJwtAuthProvider.withPublicKey(replacementKey);
                rules = issuer == null ? rules : rules.withIssuer(issuer);
            }
            else if (jwt.getIssuerUri() != null) {
                builder = NimbusJwtAuthProvider.withIssuerUri(jwt.getIssuerUri(), settings.jwkSetOptions(), tasks);
            }
            else if (jwt.getJwkSetUri() != null) {
                builder = NimbusJwtAuthProvider.withJwkSetUri(jwt.getJwkSetUri(), settings.jwkSetOptions(), tasks);
            }
            else {
                builder = NimbusJwtAuthProvider.withPublicKey(settings.verificationKey());
            }
            return builder.algorithms(settings.algorithms()).rules(rules).cache(settings.verifiedTokenCache())
                    .denylist(denylist).build();
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException("Invalid " + settings.property("algorithms") + " or key: "
                    + invalid.getMessage(), PemKeyFiles.WHAT_TO_DO, invalid);
        }
    }
}
