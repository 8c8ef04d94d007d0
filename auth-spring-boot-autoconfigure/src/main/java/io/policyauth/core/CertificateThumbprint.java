package io.policyauth.core;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** A certificate's SHA-256 thumbprint as RFC 8705 and JOSE write it ({@code x5t#S256}). */
public final class CertificateThumbprint {

    private CertificateThumbprint() {
    }

    /**
     * @param certificate a certificate
     * @return the base64url SHA-256 of its DER encoding, without padding
     */
    public static String sha256(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(certificate.getEncoded()));
        }
        catch (CertificateEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
