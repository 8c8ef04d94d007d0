package io.policyauth.autoconfigure.network;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Client certificates a TLS-terminating proxy passes on. */
@ConfigurationProperties(prefix = ClientCertificateProperties.PREFIX)
public class ClientCertificateProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "policy-auth.client-certificate";

    /**
     * The header holding the client certificate as URL-encoded PEM (nginx: proxy_set_header
     * X-SSL-Client-Cert $ssl_client_escaped_cert), believed only from policy-auth.internal.trusted-proxies.
     */
    private @Nullable String header;

    public @Nullable String getHeader() {
        return header;
    }

    public void setHeader(@Nullable String header) {
        this.header = header;
    }
}
