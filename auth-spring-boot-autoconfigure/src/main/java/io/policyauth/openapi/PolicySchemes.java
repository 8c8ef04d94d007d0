package io.policyauth.openapi;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.security.SecurityScheme;

import io.policyauth.core.CredentialDescription;
import io.policyauth.core.PolicyDescription;
import io.policyauth.jwt.IssuerMetadata;

/**
 * The OpenAPI security schemes of the registered leaf policies: an HTTP bearer scheme (JWT) for a
 * bearer-token policy, with an OpenID Connect scheme beside it when its issuer is an
 * {@code issuer-uri}; an API-key scheme in the configured header for the key policies. Policies
 * that read a client address or hand the credential to an external authorizer have no OpenAPI
 * scheme; the document describes them under {@code x-policy-auth}. Scheme names are policy names,
 * with characters OpenAPI does not allow in component names replaced by {@code _}.
 */
public final class PolicySchemes {

    private final Map<String, URI> discoveryByPolicy;
    private final Map<String, List<String>> issuersByPolicy;

    /**
     * @param discoveryByPolicy for bearer-token policies whose issuer is an issuer URI: the policy
     *        name to that URI
     * @param issuersByPolicy for a bearer-token policy that accepts the tokens of several issuers
     *        ({@code private}): the per-issuer policies whose schemes stand in for its own
     */
    public PolicySchemes(Map<String, URI> discoveryByPolicy, Map<String, List<String>> issuersByPolicy) {
        this.discoveryByPolicy = Map.copyOf(discoveryByPolicy);
        this.issuersByPolicy = Map.copyOf(issuersByPolicy);
    }

    /**
     * @param leaf a leaf policy's description
     * @return its schemes by component name, each admitting the policy's credential on its own; empty
     *         when OpenAPI has none for it
     */
    public Map<String, SecurityScheme> schemesOf(PolicyDescription leaf) {
        CredentialDescription credential = leaf.credential();
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        if (credential == null) {
            return schemes;
        }
        switch (credential.type()) {
            case BEARER_TOKEN -> {
                for (String policy : issuersByPolicy.getOrDefault(leaf.name(), List.of(leaf.name()))) {
                    schemes.put(componentName(policy), new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer").bearerFormat("JWT").description("Policy '" + policy
                                    + "': a JWT bearer token in Authorization"));
                    URI issuer = discoveryByPolicy.get(policy);
                    if (issuer != null) {
                        schemes.put(componentName(policy) + "-oidc", new SecurityScheme()
                                .type(SecurityScheme.Type.OPENIDCONNECT).openIdConnectUrl(IssuerMetadata.openIdConfiguration(issuer).toString())
                                .description("Policy '" + policy + "': a token from " + issuer));
                    }
                }
            }
            case API_KEY -> schemes.put(componentName(leaf.name()), new SecurityScheme()
                    .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(credential.header())
                    .description("Policy '" + leaf.name() + "': an API key in " + credential.header()));
            default -> {
                // A client address or an external authorizer: no OpenAPI scheme says that.
            }
        }
        return schemes;
    }

    /**
     * @param policy a policy name
     * @return the name of its scheme among the document's components
     */
    public static String componentName(String policy) {
        return policy.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
