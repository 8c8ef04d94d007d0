package io.policyauth.jwt;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticatedUser;

/**
 * Admits tokens of several issuers: the token's {@code iss}, read before anything is verified,
 * chooses the one provider allowed to check it, so only that issuer's keys and algorithms are ever
 * tried and a key of one issuer never verifies another's token. A token naming no configured
 * issuer is refused at once, with no network call: nothing in a token's contents drives a fetch.
 * An opaque token, which names no issuer, goes to the issuers that introspect (RFC 7662), in order:
 * the first that finds it active admits it.
 */
public final class IssuerRoutingJwtAuthProvider implements JwtAuthProvider {

    private final Map<String, JwtAuthProvider> byIssuer;
    private final List<JwtAuthProvider> introspecting;
    private final CompactJwsParser parser = new CompactJwsParser();
    /* Asked for every request a reactive front decides: worked out once, as each issuer's answer is fixed. */
    private final boolean mayBlock;

    /**
     * @param byIssuer each issuer, exactly as its tokens name it in {@code iss}, to its provider
     */
    public IssuerRoutingJwtAuthProvider(Map<String, JwtAuthProvider> byIssuer) {
        this(byIssuer, List.of());
    }

    /**
     * @param byIssuer each issuer, exactly as its tokens name it in {@code iss}, to its provider
     * @param introspecting the providers of the issuers that introspect opaque tokens, in the order they are asked
     */
    public IssuerRoutingJwtAuthProvider(Map<String, JwtAuthProvider> byIssuer, List<JwtAuthProvider> introspecting) {
        if (byIssuer.isEmpty()) {
            throw new IllegalArgumentException("At least one issuer is required");
        }
        this.byIssuer = Map.copyOf(byIssuer);
        this.introspecting = List.copyOf(introspecting);
        this.mayBlock = this.byIssuer.values().stream().anyMatch(JwtAuthProvider::mayBlock);
    }

    @Override
    public boolean mayBlock() {
        return mayBlock;
    }

    /* The provider that would check the token is asked; a token refused before any provider is asked never waits. */
    @Override
    public boolean mayBlock(String token) {
        if (!mayBlock || !NimbusJwtAuthProvider.isAcceptableLength(token)) {
            return false;
        }
        if (!introspecting.isEmpty() && !IntrospectingAuthProvider.isJws(token)) {
            return introspecting.stream().anyMatch(issuer -> issuer.mayBlock(token));
        }
        JwtAuthProvider provider;
        try {
            provider = byIssuer.get(issuerOf(token));
        }
        catch (AuthException refused) {
            return false;
        }
        return provider != null && provider.mayBlock(token);
    }

    @Override
    public AuthenticatedUser check(String token) {
        if (!NimbusJwtAuthProvider.isAcceptableLength(token)) {
            throw TokenRejections.malformed();
        }
        if (!introspecting.isEmpty() && !IntrospectingAuthProvider.isJws(token)) {
            return introspected(token);
        }
        JwtAuthProvider provider = byIssuer.get(issuerOf(token));
        if (provider == null) {
            throw TokenRejections.badIssuer();
        }
        return provider.check(token);
    }

    private AuthenticatedUser introspected(String token) {
        AuthException refused = null;
        for (JwtAuthProvider issuer : introspecting) {
            try {
                return issuer.check(token);
            }
            catch (AuthException notThisIssuers) {
                refused = refused == null || notThisIssuers.denial().kind().moreSpecificThan(refused.denial().kind())
                        ? notThisIssuers : refused;
            }
        }
        throw refused;
    }

    /** The unverified {@code iss}: only ever used to choose whom to ask, never trusted. */
    private String issuerOf(String token) {
        try {
            return parser.parse(token).claims().get(JwtClaimNames.ISSUER) instanceof String iss ? iss : "";
        }
        catch (ParseException notJson) {
            throw TokenRejections.malformed();
        }
        catch (AuthException refused) {
            throw refused;
        }
        catch (RuntimeException unparsable) {
            throw TokenRejections.malformed();
        }
    }
}
