package io.policyauth.network;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import io.policyauth.core.ClientCertificateSource;
import io.policyauth.core.InvalidCredentialRequestException;
import io.policyauth.core.SecurityRequestContext;

/**
 * The client certificate a TLS-terminating proxy passes in a header (nginx's
 * {@code $ssl_client_escaped_cert}: URL-encoded PEM), believed only from the trusted proxies; from
 * any other peer, the TLS connection's own chain. A header that is not a certificate is a 400.
 */
public final class ForwardedClientCertificates implements ClientCertificateSource {

    private final CidrSet trustedProxies;
    private final String header;

    /**
     * @param trustedProxies the peers whose header is believed
     * @param header the header holding the URL-encoded PEM certificate
     */
    public ForwardedClientCertificates(CidrSet trustedProxies, String header) {
        this.trustedProxies = trustedProxies;
        this.header = header;
    }

    @Override
    public List<X509Certificate> certificates(SecurityRequestContext context) {
        if (!trustedProxies.matches(IpAddresses.parse(context.remoteAddress()))) {
            return context.clientCertificates();
        }
        List<String> values = context.headers().values(header);
        if (values.isEmpty() || values.get(0).isBlank()) {
            return List.of();
        }
        if (values.size() > 1) {
            throw new InvalidCredentialRequestException("duplicate_client_certificate",
                    "The request carries more than one client certificate.", null);
        }
        try {
            byte[] pem = URLDecoder.decode(values.get(0), StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII);
            return List.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem)));
        }
        catch (CertificateException | IllegalArgumentException | ClassCastException malformed) {
            throw new InvalidCredentialRequestException("malformed_client_certificate",
                    "The forwarded client certificate cannot be read.", null);
        }
    }
}
