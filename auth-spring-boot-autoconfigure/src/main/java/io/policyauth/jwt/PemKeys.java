package io.policyauth.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.ssl.pem.PemContent;

/**
 * Reads RSA and EC keys from PEM: public keys as X.509 SubjectPublicKeyInfo ({@code PUBLIC KEY}),
 * which Spring Boot's {@link PemContent} does not read, or inside a certificate, and private keys,
 * both through {@link PemContent}. Error messages never quote key material.
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private static final String[] KEY_ALGORITHMS = {"RSA", "EC"};

    private PemKeys() {
    }

    /**
     * Reads the first public key or certificate in a PEM text.
     *
     * @param pem the PEM text
     * @return the RSA or EC public key
     * @throws IllegalArgumentException when no readable RSA or EC public key is found
     */
    public static PublicKey readPublicKey(String pem) {
        Matcher block = BLOCK.matcher(pem == null ? "" : pem);
        while (block.find()) {
            String type = block.group(1);
            if ("PUBLIC KEY".equals(type)) {
                byte[] der = decode(block.group(2));
                for (String algorithm : KEY_ALGORITHMS) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                    }
                    catch (GeneralSecurityException notThisAlgorithm) {
                        // Try the next algorithm.
                    }
                }
                throw new IllegalArgumentException("the PUBLIC KEY block is not an RSA or EC key");
            }
            if ("CERTIFICATE".equals(type)) {
                return certificateKey(block.group());
            }
            if ("RSA PUBLIC KEY".equals(type)) {
                throw new IllegalArgumentException("PKCS#1 'RSA PUBLIC KEY' is not supported; convert it with "
                        + "'openssl rsa -RSAPublicKey_in -pubout' to a 'PUBLIC KEY' block");
            }
        }
        throw new IllegalArgumentException("no '-----BEGIN PUBLIC KEY-----' or '-----BEGIN CERTIFICATE-----' block found");
    }

    /**
     * Reads the first private key in a PEM text, as Spring Boot's SSL bundles read them: PKCS#8
     * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}).
     *
     * @param pem the PEM text
     * @return the RSA or EC private key
     * @throws IllegalArgumentException when no readable RSA or EC key is found
     */
    public static PrivateKey readPrivateKey(String pem) {
        PrivateKey key;
        try {
            key = pem == null ? null : PemContent.of(pem).getPrivateKey();
        }
        catch (RuntimeException unreadable) {
            // The parser's message is not passed on: nothing of the key may reach a log.
            throw new IllegalArgumentException("no readable '-----BEGIN PRIVATE KEY-----' block found (unencrypted "
                    + "PKCS#8; PKCS#1 'RSA PRIVATE KEY' and SEC1 'EC PRIVATE KEY' blocks are read too)");
        }
        if (key == null) {
            throw new IllegalArgumentException("no '-----BEGIN PRIVATE KEY-----' block found");
        }
        if (!(key instanceof RSAPrivateKey) && !(key instanceof ECPrivateKey)) {
            throw new IllegalArgumentException("the PRIVATE KEY block is not an RSA or EC key");
        }
        return key;
    }

    /**
     * The public half of a private key, when the key carries it (an RSA CRT key does; a PKCS#8
     * EC key read by the JDK does not).
     *
     * @param privateKey the private key
     * @return the public key, or empty when it cannot be derived
     */
    public static Optional<PublicKey> derivePublicKey(PrivateKey privateKey) {
        if (privateKey instanceof RSAPrivateCrtKey rsa) {
            try {
                return Optional.of(KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())));
            }
            catch (GeneralSecurityException unexpected) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static PublicKey certificateKey(String block) {
        try {
            return PemContent.of(block).getCertificates().get(0).getPublicKey();
        }
        catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("the CERTIFICATE block is not a readable X.509 certificate");
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        }
        catch (IllegalArgumentException badBase64) {
            throw new IllegalArgumentException("the PEM block is not valid Base64");
        }
    }
}
