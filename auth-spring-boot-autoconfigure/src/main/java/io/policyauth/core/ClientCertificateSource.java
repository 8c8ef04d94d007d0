package io.policyauth.core;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where a request's client certificate chain comes from: the TLS connection, or a header a trusted
 * proxy that terminated TLS set. The client's own certificate first; empty when there is none.
 */
@FunctionalInterface
public interface ClientCertificateSource {

    /** The TLS connection's chain, as the front read it. */
    ClientCertificateSource TLS = SecurityRequestContext::clientCertificates;

    /**
     * @param context a request
     * @return its client certificate chain, the client's own first; empty when none was presented
     */
    List<X509Certificate> certificates(SecurityRequestContext context);
}
