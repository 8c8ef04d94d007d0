package io.policyauth.autoconfigure;

import java.util.Map;

/** What to configure for each built-in policy, quoted when a policy is asked for but not registered. */
final class BuiltInPolicies {

    static final Map<String, String> HINTS = Map.of(
            "client_certificate", "set policy-auth.client-certificate.trust-anchors.",
            "private", "set policy-auth.jwt.secret, public-key-location, jwk-set-uri or issuer-uri (or an entry of "
                    + "policy-auth.jwt.issuers).",
            "shared_api_key", "set policy-auth.api-key.shared-keys.",
            "internal", "set policy-auth.internal.allowed-cidrs.",
            "db_api_key", "add spring-boot-starter-data-mongodb and configure a MongoDB connection "
                    + "(spring.mongodb.uri).");

    private BuiltInPolicies() {
    }
}
