package io.policyauth.example.clientcert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * The {@code pinned_certificate} policy: the TLS client certificate whose SHA-256 fingerprint is
 * configured. The TLS handshake has checked the chain; this policy says which certificate may call.
 * Like {@code internal}, it refuses with 403: the credential is the connection's, not a header a
 * client could send again.
 */
public final class ClientCertificateExecutor implements AuthExecutor {

    /** The policy name. */
    public static final String POLICY = "pinned_certificate";

    /** How users admitted by a client certificate are marked. */
    public static final String MECHANISM = "pinned-certificate";

    private final Set<String> fingerprints;

    /**
     * @param fingerprints the admitted certificates' SHA-256 fingerprints, lower-case hex without separators
     */
    public ClientCertificateExecutor(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    @Override
    public String policy() {
        return POLICY;
    }

    /* The certificate is in the context already: nothing is waited for. */
    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public PolicyDescription describe() {
        return PolicyDescription.leaf(POLICY, MECHANISM, null, List.of());
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        List<X509Certificate> chain = context.clientCertificates();
        if (chain.isEmpty()) {
            throw new ForbiddenException("client_certificate_missing", "A TLS client certificate is required.",
                    List.of());
        }
        X509Certificate client = chain.get(0);
        if (!fingerprints.contains(fingerprint(client))) {
            throw new ForbiddenException("client_certificate_not_allowed", "This client certificate may not call.",
                    List.of());
        }
        return AuthenticatedUser.builder(client.getSubjectX500Principal().getName(), MECHANISM).build();
    }

    /**
     * @param certificate a certificate
     * @return its SHA-256 fingerprint, lower-case hex
     */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        }
        catch (NoSuchAlgorithmException | CertificateEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
