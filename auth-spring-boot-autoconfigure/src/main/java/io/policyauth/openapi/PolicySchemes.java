package io.policyauth.openapi;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;

import io.policyauth.core.BearerTokens;
import io.policyauth.core.Challenge;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.PolicyDescription;

/**
 * The OpenAPI security schemes of the registered leaf policies, read from their descriptions: an
 * HTTP bearer scheme (and a DPoP one, RFC 9449, where it takes DPoP-bound tokens) for a bearer-token
 * policy, one per issuer it names, with an OpenID Connect
 * scheme beside an issuer found by discovery; an API-key scheme in the configured header for the
 * key policies. Policies that read a client address or hand the credential to an external
 * authorizer have no OpenAPI scheme; the document describes them under {@code x-policy-auth}.
 * Scheme names are policy names, with characters OpenAPI does not allow in component names
 * replaced by {@code _}.
 */
public final class PolicySchemes {

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
                List<CredentialDescription.Issuer> issuers = credential.issuers().isEmpty()
                        ? List.of(new CredentialDescription.Issuer(leaf.name(), null)) : credential.issuers();
                Challenge dpop = challenge(leaf, BearerTokens.DPOP_SCHEME);
                for (CredentialDescription.Issuer issuer : issuers) {
                    String format = credential.format() == null ? "" : " (" + credential.format() + ")";
                    if (challenge(leaf, BearerTokens.SCHEME) != null) {
                        schemes.put(componentName(issuer.name()), new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat(credential.format()).description("Policy '"
                                        + issuer.name() + "': a bearer token" + format + " in Authorization"));
                    }
                    if (dpop != null) {
                        schemes.put(componentName(issuer.name()) + "-dpop", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme(BearerTokens.DPOP_SCHEME)
                                .bearerFormat(credential.format()).description("Policy '" + issuer.name()
                                        + "': a DPoP-bound token" + format + " in Authorization (RFC 9449), with a "
                                        + "proof in the DPoP header signed with one of " + dpop.params().get("algs")));
                    }
                    URI discovery = issuer.discovery();
                    if (discovery != null) {
                        schemes.put(componentName(issuer.name()) + "-oidc", new SecurityScheme()
                                .type(SecurityScheme.Type.OPENIDCONNECT).openIdConnectUrl(discovery.toString())
                                .description("Policy '" + issuer.name() + "': a token from the issuer at "
                                        + discovery));
                    }
                }
            }
            case API_KEY -> schemes.put(componentName(leaf.name()), new SecurityScheme()
                    .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(credential.header())
                    .description("Policy '" + leaf.name() + "': an API key in " + credential.header()));
            case CLIENT_CERTIFICATE -> schemes.put(componentName(leaf.name()), new SecurityScheme()
                    .type(SecurityScheme.Type.MUTUALTLS).description("Policy '" + leaf.name()
                            + "': a TLS client certificate that the configured trust anchors vouch for"));
            default -> {
                // A client address or an external authorizer: no OpenAPI scheme says that.
            }
        }
        return schemes;
    }

    private static @Nullable Challenge challenge(PolicyDescription leaf, String scheme) {
        return leaf.challenges().stream().filter(challenge -> scheme.equals(challenge.scheme())).findFirst()
                .orElse(null);
    }

    /**
     * @param policy a policy name
     * @return the name of its scheme among the document's components
     */
    public static String componentName(String policy) {
        return policy.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
