package io.policyauth.example.clientcert;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code client-certificate.*}: a plug-in's own prefix. The names under {@code policy-auth.} are
 * the starter's, and it refuses the ones it does not bind.
 */
@ConfigurationProperties("client-certificate")
public class ClientCertificateProperties {

    /** SHA-256 fingerprints of the certificates the policy admits, in hex; colons and case do not matter. */
    private List<String> fingerprints = new ArrayList<>();

    public List<String> getFingerprints() {
        return fingerprints;
    }

    public void setFingerprints(List<String> fingerprints) {
        this.fingerprints = fingerprints;
    }
}
