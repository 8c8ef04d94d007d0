package io.policyauth.autoconfigure.network;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import io.policyauth.network.ClientCertificateExecutor;

/** Client certificates: the {@code client_certificate} policy, and those a TLS-terminating proxy passes on. */
@ConfigurationProperties(prefix = ClientCertificateProperties.PREFIX)
public class ClientCertificateProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "policy-auth.client-certificate";

    /**
     * The header holding the client certificate as URL-encoded PEM (nginx: proxy_set_header
     * X-SSL-Client-Cert $ssl_client_escaped_cert), believed only from policy-auth.internal.trusted-proxies.
     */
    private @Nullable String header;

    /**
     * PEM certificates (e.g. classpath:partners-ca.pem) that a client certificate's chain must lead
     * to; when set, registers the client_certificate policy.
     */
    private List<Resource> trustAnchors = new ArrayList<>();

    /** How the client_certificate policy names the caller: dn, cn, or san (the first DNS or URI name). */
    private ClientCertificateExecutor.SubjectFrom subjectFrom = ClientCertificateExecutor.SubjectFrom.DN;

    public @Nullable String getHeader() {
        return header;
    }

    public void setHeader(@Nullable String header) {
        this.header = header;
    }

    public List<Resource> getTrustAnchors() {
        return trustAnchors;
    }

    public void setTrustAnchors(List<Resource> trustAnchors) {
        this.trustAnchors = trustAnchors;
    }

    public ClientCertificateExecutor.SubjectFrom getSubjectFrom() {
        return subjectFrom;
    }

    public void setSubjectFrom(ClientCertificateExecutor.SubjectFrom subjectFrom) {
        this.subjectFrom = subjectFrom;
    }
}
