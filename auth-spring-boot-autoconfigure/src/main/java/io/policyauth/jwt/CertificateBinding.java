package io.policyauth.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.BearerTokens;
import io.policyauth.core.CertificateThumbprint;
import io.policyauth.core.Challenge;
import io.policyauth.core.ClientCertificateSource;
import io.policyauth.core.SecurityRequestContext;

/**
 * Certificate-bound access tokens (RFC 8705): a token whose {@code cnf} claim holds
 * {@code x5t#S256} is admitted only with the client certificate of that SHA-256 thumbprint, from the
 * TLS connection or a trusted proxy's header ({@link ClientCertificateSource}); {@link Mode#REQUIRED}
 * also refuses tokens that are not bound. A stolen bound token
 * is useless without the certificate's private key.
 */
public final class CertificateBinding {

    /** Whether unbound tokens pass. */
    public enum Mode {
        /** Bound tokens must match the client certificate; unbound ones pass (the default). */
        IF_PRESENT,
        /** Every token must be bound to the client certificate. */
        REQUIRED
    }

    /** Bound tokens checked, unbound ones admitted: what every {@code private} policy does unless told more. */
    public static final CertificateBinding IF_PRESENT = new CertificateBinding(Mode.IF_PRESENT,
            ClientCertificateSource.TLS);

    /** The reason of a refusal, in audit and metrics. */
    public static final String CERTIFICATE_MISMATCH = "certificate_binding_mismatch";

    private static final String THUMBPRINT = "x5t#S256";

    private final Mode mode;
    private final ClientCertificateSource certificates;

    /**
     * @param mode whether unbound tokens pass
     * @param certificates where the client certificate comes from
     */
    public CertificateBinding(Mode mode, ClientCertificateSource certificates) {
        this.mode = mode;
        this.certificates = certificates;
    }

    /**
     * @param user a caller whose token was verified
     * @param context its request, with the TLS client certificates
     * @return the caller
     * @throws AuthenticationException 401 {@code invalid_token} (RFC 8705 section 3) when the token is
     *         bound to another certificate or none was presented, or, under {@link Mode#REQUIRED}, is not bound
     */
    public AuthenticatedUser check(AuthenticatedUser user, SecurityRequestContext context) {
        Object thumbprint = user.claims().get("cnf") instanceof Map<?, ?> cnf ? cnf.get(THUMBPRINT) : null;
        if (thumbprint == null) {
            if (mode == Mode.REQUIRED) {
                throw refused("The token is not bound to a client certificate.");
            }
            return user;
        }
        List<X509Certificate> chain = certificates.certificates(context);
        if (chain.isEmpty() || !MessageDigest.isEqual(thumbprint.toString().getBytes(StandardCharsets.US_ASCII),
                CertificateThumbprint.sha256(chain.get(0)).getBytes(StandardCharsets.US_ASCII))) {
            throw refused("The token is bound to another client certificate than the one presented.");
        }
        return user;
    }

    private static AuthenticationException refused(String detail) {
        return new AuthenticationException(CERTIFICATE_MISMATCH, detail, true, List.of(Challenge.of(
                BearerTokens.SCHEME).with("error", "invalid_token").with("error_description", detail)), null);
    }
}
