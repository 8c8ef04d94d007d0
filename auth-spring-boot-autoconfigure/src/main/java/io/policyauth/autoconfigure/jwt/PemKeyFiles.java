package io.policyauth.autoconfigure.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.springframework.core.io.Resource;

import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.jwt.PemKeys;

/**
 * Reads the PEM key files the JWT properties name, failing at start with the property and the
 * file's description; never with key material.
 */
final class PemKeyFiles {

    /* What a user does about a configuration failure below. */
    static final String WHAT_TO_DO = "Correct the configuration named above; the README lists every property "
            + "and what it takes.";

    /** Largest PEM file read; far above any RSA or EC key or certificate chain. */
    private static final int MAX_PEM_BYTES = 64 * 1024;

    private PemKeyFiles() {
    }

    /**
     * @param location where the key is
     * @param property the property that names it, for messages
     * @return the RSA or EC public key (SPKI, or the key of an X.509 certificate)
     */
    static PublicKey publicKey(Resource location, String property) {
        try {
            return PemKeys.readPublicKey(read(location, property));
        }
        catch (IllegalArgumentException unreadable) {
            throw new PolicyAuthConfigurationException(property + " (" + location.getDescription() + "): "
                    + unreadable.getMessage(), WHAT_TO_DO, unreadable);
        }
    }

    /**
     * @param location where the key is
     * @param property the property that names it, for messages
     * @return the RSA or EC private key (PKCS#8)
     */
    static PrivateKey privateKey(Resource location, String property) {
        try {
            return PemKeys.readPrivateKey(read(location, property));
        }
        catch (IllegalArgumentException unreadable) {
            // PemKeys never quotes key material, so its message is safe here.
            throw new PolicyAuthConfigurationException(property + " (" + location.getDescription() + "): "
                    + unreadable.getMessage(), WHAT_TO_DO, unreadable);
        }
    }

    /**
     * @param key a private key
     * @param property the property that names it, for messages
     * @param publicProperty the property to set instead, for messages
     * @return its public half
     */
    static PublicKey derivedPublicKey(PrivateKey key, String property, String publicProperty) {
        return PemKeys.derivePublicKey(key).orElseThrow(() -> new PolicyAuthConfigurationException(property
                + " holds a key whose public half cannot be derived; set " + publicProperty
                + " to the matching public key", "Set " + publicProperty + " to the matching public key."));
    }

    private static String read(Resource resource, String property) {
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_PEM_BYTES + 1);
            if (bytes.length > MAX_PEM_BYTES) {
                throw new PolicyAuthConfigurationException(property + " (" + resource.getDescription()
                        + ") is larger than " + MAX_PEM_BYTES + " bytes; expected one PEM key", WHAT_TO_DO);
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        catch (IOException unreadable) {
            throw new PolicyAuthConfigurationException(property + " (" + resource.getDescription()
                    + ") cannot be read: " + unreadable.getMessage(), WHAT_TO_DO, unreadable);
        }
    }
}
