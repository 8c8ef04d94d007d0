package io.policyauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.policyauth.autoconfigure.apikey.ApiKeyProperties;
import io.policyauth.autoconfigure.jwt.JwtIssuerProperties;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.autoconfigure.network.ClientCertificateProperties;
import io.policyauth.autoconfigure.network.InternalProperties;
import io.policyauth.autoconfigure.remote.RemoteProperties;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.Locations;
import io.policyauth.core.PolicyDescription;
import io.policyauth.jwt.dpop.DpopMode;

/**
 * One line per registered policy saying what it checks, from its description and its
 * configuration: key source kind and location, issuer and audiences, header names, CIDR counts,
 * authorizer endpoints. Never a secret, a key or a credential in a URL.
 */
final class PolicySummaries {

    private final JwtProperties jwt;
    private final ApiKeyProperties apiKey;
    private final InternalProperties internal;
    private final RemoteProperties remote;
    private final ClientCertificateProperties certificates;

    PolicySummaries(Environment environment) {
        Binder binder = Binder.get(environment);
        this.jwt = binder.bind("policy-auth.jwt", JwtProperties.class).orElseGet(JwtProperties::new);
        this.apiKey = binder.bind("policy-auth.api-key", ApiKeyProperties.class).orElseGet(ApiKeyProperties::new);
        this.internal = binder.bind("policy-auth.internal", InternalProperties.class)
                .orElseGet(InternalProperties::new);
        this.remote = binder.bind(PolicyAuthProperties.PREFIX, RemoteProperties.class)
                .orElseGet(RemoteProperties::new);
        this.certificates = binder.bind(ClientCertificateProperties.PREFIX, ClientCertificateProperties.class)
                .orElseGet(ClientCertificateProperties::new);
    }

    /**
     * @param executor a registered policy
     * @return its kind and what it checks
     */
    String summary(AuthExecutor executor) {
        PolicyDescription description = executor.describe();
        String kind = description.kind();
        String checks = switch (kind) {
            case "jwt" -> jwt(executor.policy());
            case "shared-api-key" -> "header " + apiKey.getHeaderName() + ", " + apiKey.getSharedKeys().size()
                    + " shared key(s)";
            case "db-api-key" -> "header " + apiKey.getHeaderName() + ", MongoDB collection "
                    + apiKey.getCollection();
            case "internal" -> internal.getAllowedCidrs().size() + " allowed CIDR(s), "
                    + internal.getTrustedProxies().size() + " trusted proxy CIDR(s) whose "
                    + internal.getForwardedHeader().headerName() + " is read";
            case "remote" -> remote(executor.policy());
            case "public" -> "admits anyone";
            case "client-certificate" -> certificates.getTrustAnchors().size() + " trust anchor location(s), caller "
                    + "named by " + certificates.getSubjectFrom().name().toLowerCase(Locale.ROOT)
                    + (certificates.getHeader() == null ? ", from TLS" : ", from TLS or trusted proxies' "
                            + certificates.getHeader());
            default -> description.isComposite() ? kind + " " + description.members().stream()
                    .map(AuthExecutor::policy).toList() : null;
        };
        String requirements = description.requirements().isEmpty() ? "" : ", requires " + description.requirements();
        return executor.policy() + " (" + kind + ")" + (checks == null ? "" : ": " + checks) + requirements;
    }

    private String jwt(String policy) {
        int separator = policy.indexOf(':');
        if (separator < 0) {
            List<String> parts = new ArrayList<>();
            parts.add(issuer(jwt) + dpop(jwt.getDpop().getMode()));
            if (!jwt.getIssuers().isEmpty()) {
                parts.add("issuers " + jwt.getIssuers().keySet());
            }
            return String.join("; ", parts);
        }
        JwtProperties.Issuer named = jwt.getIssuers().get(policy.substring(separator + 1));
        return named == null ? null : issuer(named) + dpop(named.getDpop().getMode());
    }

    private static String dpop(DpopMode mode) {
        return mode == DpopMode.DISABLED ? "" : ", DPoP " + mode.name().toLowerCase(Locale.ROOT);
    }

    /* The key source by kind and location: a secret is named as such, never shown. */
    private static String issuer(JwtIssuerProperties issuer) {
        List<String> parts = new ArrayList<>();
        if (issuer.getIssuerUri() != null) {
            parts.add("discovery at " + Locations.withoutCredentials(issuer.getIssuerUri()));
        }
        else if (issuer.getJwkSetUri() != null) {
            parts.add("JWK Set at " + Locations.withoutCredentials(issuer.getJwkSetUri()));
        }
        else if (issuer.getPublicKeyLocation() != null) {
            parts.add("public key " + issuer.getPublicKeyLocation().getDescription());
        }
        else if (issuer.getSecret() != null) {
            parts.add("shared secret (HMAC)");
        }
        if (issuer.getIntrospection().getUri() != null) {
            parts.add("opaque tokens introspected at "
                    + Locations.withoutCredentials(issuer.getIntrospection().getUri()));
        }
        if (issuer.getIssuer() != null) {
            parts.add("issuer " + issuer.getIssuer());
        }
        parts.add(issuer.getAudiences().isEmpty() ? "any audience" : "audiences " + issuer.getAudiences());
        return String.join(", ", parts);
    }

    private @Nullable String remote(String policy) {
        RemoteProperties.Remote settings = remote.getRemote().get(policy);
        if (settings == null || settings.getEndpoint() == null) {
            return null;
        }
        return "asks " + Locations.withoutCredentials(settings.getEndpoint())
                + (settings.isIncludeBody() ? " with the body" : "");
    }
}
