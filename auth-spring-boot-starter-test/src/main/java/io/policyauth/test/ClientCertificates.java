package io.policyauth.test;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

/** What both web stacks' {@code clientCertificate(...)} check of the chain they are given. */
final class ClientCertificates {

    /** The request attribute a servlet container puts the TLS client chain in. */
    static final String SERVLET_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private ClientCertificates() {
    }

    static X509Certificate[] require(X509Certificate... chain) {
        Objects.requireNonNull(chain, "chain");
        if (chain.length == 0 || Arrays.stream(chain).anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Give the client's certificate, then the rest of its chain");
        }
        return chain.clone();
    }
}
