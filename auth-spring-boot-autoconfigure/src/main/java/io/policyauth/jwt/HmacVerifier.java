package io.policyauth.jwt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

/**
 * Verifies HS256/384/512 signatures with a {@link Mac} keyed once at start and cloned per call.
 * Nimbus's {@code MACVerifier} looks the algorithm up and keys a new {@code Mac} on every call,
 * which costs about as much as the HMAC itself on a short token. Comparison is constant-time.
 */
final class HmacVerifier implements JWSVerifier {

    private static final Map<JWSAlgorithm, String> JCA_NAMES = Map.of(JWSAlgorithm.HS256, "HmacSHA256",
            JWSAlgorithm.HS384, "HmacSHA384", JWSAlgorithm.HS512, "HmacSHA512");

    private final Map<JWSAlgorithm, Mac> keyed;
    private final JCAContext jcaContext = new JCAContext();

    /**
     * The verifier of a secret: this one, or Nimbus's when the JCA provider cannot copy a keyed
     * {@code Mac} (the JDK's can).
     *
     * @param secret the shared secret; long enough for every algorithm (checked by {@link JwtAlgorithms})
     * @param algorithms the HS algorithms to verify
     * @return the verifier
     * @throws IllegalArgumentException when the secret cannot key an HMAC
     */
    static JWSVerifier create(byte[] secret, Set<JWSAlgorithm> algorithms) {
        HmacVerifier verifier = new HmacVerifier(secret, algorithms);
        if (verifier.keyed.values().stream().allMatch(HmacVerifier::copyable)) {
            return verifier;
        }
        try {
            return new MACVerifier(secret);
        }
        catch (JOSEException failure) {
            throw new IllegalArgumentException("the secret cannot be used for HMAC", failure);
        }
    }

    private HmacVerifier(byte[] secret, Set<JWSAlgorithm> algorithms) {
        Map<JWSAlgorithm, Mac> macs = new HashMap<>();
        for (JWSAlgorithm algorithm : algorithms) {
            String name = JCA_NAMES.get(algorithm);
            if (name == null) {
                throw new IllegalArgumentException(algorithm + " is not an HMAC algorithm");
            }
            try {
                Mac mac = Mac.getInstance(name);
                mac.init(new SecretKeySpec(secret, name));
                macs.put(algorithm, mac);
            }
            catch (GeneralSecurityException unavailable) {
                throw new IllegalArgumentException("the secret cannot be used for " + algorithm, unavailable);
            }
        }
        this.keyed = Map.copyOf(macs);
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        Mac prototype = keyed.get(header.getAlgorithm());
        if (prototype == null) {
            return false;
        }
        byte[] expected = copyOf(prototype).doFinal(signingInput);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(signature.toString());
        }
        catch (IllegalArgumentException notBase64Url) {
            return false;
        }
        return MessageDigest.isEqual(expected, presented);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return keyed.keySet();
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }

    private static boolean copyable(Mac mac) {
        try {
            mac.clone();
            return true;
        }
        catch (CloneNotSupportedException notByThisProvider) {
            return false;
        }
    }

    /* The keyed prototype is only ever read; each call works on its own copy. */
    private static Mac copyOf(Mac prototype) throws JOSEException {
        try {
            return (Mac) prototype.clone();
        }
        catch (CloneNotSupportedException notByThisProvider) {
            throw new JOSEException("the HMAC provider cannot copy a keyed Mac", notByThisProvider);
        }
    }
}
