package io.policyauth.network;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CertificateThumbprint;
import io.policyauth.core.ClientCertificateSource;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * The {@code client_certificate} policy, for machine-to-machine callers without tokens: a client
 * certificate (from the TLS connection, or a trusted proxy's header) whose chain leads to one of the
 * configured trust anchors and is valid now; the caller is named by its subject, common name or
 * first DNS or URI subject alternative name. Anything else is 403.
 */
public final class ClientCertificateExecutor implements AuthExecutor {

    /** The policy name. */
    public static final String POLICY = "client_certificate";

    /** The {@link PolicyDescription#kind()} of this policy. */
    public static final String KIND = "client-certificate";

    /** How the caller is named. */
    public enum SubjectFrom {
        /** The subject's distinguished name, RFC 2253 ({@code CN=orders,O=Example}). */
        DN,
        /** The subject's common name. */
        CN,
        /** The first DNS or URI subject alternative name. */
        SAN
    }

    private static final int SAN_DNS = 2;
    private static final int SAN_URI = 6;

    private final ClientCertificateSource certificates;
    private final Set<TrustAnchor> anchors;
    private final SubjectFrom subjectFrom;
    private final Clock clock;

    /**
     * @param certificates where the client certificate comes from
     * @param anchors the certificates a chain must lead to
     * @param subjectFrom how the caller is named
     * @param clock the time a chain must be valid at
     */
    public ClientCertificateExecutor(ClientCertificateSource certificates, Collection<X509Certificate> anchors,
            SubjectFrom subjectFrom, Clock clock) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("At least one trust anchor is needed");
        }
        this.certificates = certificates;
        this.anchors = Set.copyOf(anchors.stream().map(anchor -> new TrustAnchor(anchor, null)).toList());
        this.subjectFrom = subjectFrom;
        this.clock = clock;
    }

    @Override
    public String policy() {
        return POLICY;
    }

    @Override
    public PolicyDescription describe() {
        return PolicyDescription.leaf(POLICY, KIND, new CredentialDescription(
                CredentialDescription.Type.CLIENT_CERTIFICATE, null), List.of());
    }

    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        List<X509Certificate> chain = certificates.certificates(context);
        if (chain.isEmpty()) {
            throw new ForbiddenException("client_certificate_missing", "A TLS client certificate is required.",
                    List.of());
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                    .generateCertPath(chain), parameters);
        }
        catch (GeneralSecurityException untrusted) {
            throw new ForbiddenException("client_certificate_untrusted", "The client certificate is not trusted.",
                    List.of());
        }
        X509Certificate client = chain.get(0);
        String subject = subject(client);
        if (subject == null) {
            throw new ForbiddenException("client_certificate_unnamed", "The client certificate names no caller.",
                    List.of());
        }
        return AuthenticatedUser.builder(subject, POLICY).credential(CredentialDescription.Type.CLIENT_CERTIFICATE)
                .claims(Map.of("x5t#S256", CertificateThumbprint.sha256(client),
                        "issuer", client.getIssuerX500Principal().getName())).build();
    }

    private @Nullable String subject(X509Certificate certificate) {
        String dn = certificate.getSubjectX500Principal().getName();
        return switch (subjectFrom) {
            case DN -> dn;
            case CN -> commonName(dn);
            case SAN -> firstName(certificate);
        };
    }

    private static @Nullable String commonName(String dn) {
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        }
        catch (InvalidNameException malformed) {
            return null;
        }
    }

    private static @Nullable String firstName(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.get(0) instanceof Integer type && (type == SAN_DNS || type == SAN_URI)) {
                        return name.get(1).toString();
                    }
                }
            }
            return null;
        }
        catch (CertificateParsingException malformed) {
            return null;
        }
    }
}
