package io.policyauth.autoconfigure.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;

import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.jwt.ClaimPath;
import io.policyauth.jwt.JwtAlgorithms;
import io.policyauth.jwt.NimbusTokenIssuer;
import io.policyauth.jwt.TokenSettings;

/**
 * Assembles the token issuer of the top-level issuer: it signs with the private key or the secret,
 * and only what this application's own {@code private} policy accepts (a key pair that matches,
 * an algorithm on the allowlist).
 */
final class JwtTokenIssuerFactory {

    private JwtTokenIssuerFactory() {
    }

    /**
     * @param settings the top-level issuer's settings
     * @param lifetime the lifetime of issued tokens
     * @return the token issuer
     */
    static NimbusTokenIssuer create(JwtIssuerSettings settings, Duration lifetime) {
        JwtIssuerProperties jwt = settings.properties();
        // Issued tokens carry their roles where this application reads them first.
        List<ClaimPath> roles = settings.claimMapping().roles();
        TokenSettings tokens = TokenSettings.of(jwt.getIssuer(), jwt.getAudiences(), lifetime,
                roles.isEmpty() ? null : roles.get(0).toString())
                .withType(jwt.getRequiredType()).withClock(settings.clock());
        if (settings.hasPrivateKey()) {
            if (settings.verifiesWithSecret()) {
                // Tokens signed with the private key would not verify with the secret.
                List<String> both = List.of(JwtIssuerSettings.SECRET, JwtIssuerSettings.PRIVATE_KEY_LOCATION);
                throw new MutuallyExclusiveConfigurationPropertiesException(both, both);
            }
            // Each key file is read once: both checks below look at the same keys.
            PrivateKey key = settings.privateKey();
            PublicKey configured = settings.configuredPublicKey();
            requireVerifiable(settings, signingAlgorithm(key), key, configured);
            if (configured != null) {
                requireKeyPair(key, configured);
            }
            return NimbusTokenIssuer.withPrivateKey(key, null, tokens);
        }
        JWSAlgorithm algorithm = jwt.getAlgorithms().stream().map(name -> JWSAlgorithm.parse(name.trim()))
                .filter(JWSAlgorithm.Family.HMAC_SHA::contains).findFirst().orElse(JWSAlgorithm.HS256);
        try {
            return NimbusTokenIssuer.withSecret(settings.secret(), algorithm, tokens);
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException("Invalid " + settings.property("algorithms") + ": "
                    + invalid.getMessage(), PemKeyFiles.WHAT_TO_DO, invalid);
        }
    }

    private static JWSAlgorithm signingAlgorithm(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECPrivateKey ec) {
            return JwtAlgorithms.ecAlgorithm(Curve.forECParameterSpec(ec.getParams()));
        }
        throw new PolicyAuthConfigurationException(JwtIssuerSettings.PRIVATE_KEY_LOCATION
                + " must hold an RSA or EC key", PemKeyFiles.WHAT_TO_DO);
    }

    /** Tokens the issuer signs must pass this application's own allowlist. */
    private static void requireVerifiable(JwtIssuerSettings settings, JWSAlgorithm signing, PrivateKey key,
            @Nullable PublicKey configured) {
        JwtIssuerProperties jwt = settings.properties();
        Set<JWSAlgorithm> allowed;
        if (jwt.getJwkSetUri() != null || jwt.getIssuerUri() != null) {
            allowed = JwtAlgorithms.forJwkSet(jwt.getAlgorithms());
        }
        else {
            allowed = JwtAlgorithms.forPublicKey(jwt.getAlgorithms(), configured != null ? configured
                    : PemKeyFiles.derivedPublicKey(key, JwtIssuerSettings.PRIVATE_KEY_LOCATION,
                            JwtIssuerSettings.PUBLIC_KEY_LOCATION));
        }
        if (!allowed.contains(signing)) {
            throw new PolicyAuthConfigurationException(JwtIssuerSettings.PRIVATE_KEY_LOCATION + " signs with "
                    + signing + ", which " + settings.property("algorithms") + " " + allowed + " does not accept",
                    PemKeyFiles.WHAT_TO_DO);
        }
    }

    private static void requireKeyPair(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = privateKey instanceof RSAPrivateKey ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] probe = "policy-auth key pair check".getBytes(StandardCharsets.UTF_8);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        }
        catch (GeneralSecurityException mismatch) {
            // Different key types: reported below.
        }
        throw new PolicyAuthConfigurationException(JwtIssuerSettings.PRIVATE_KEY_LOCATION + " and "
                + JwtIssuerSettings.PUBLIC_KEY_LOCATION
                + " are not a key pair: tokens signed with one would not verify with the other", PemKeyFiles.WHAT_TO_DO);
    }
}
