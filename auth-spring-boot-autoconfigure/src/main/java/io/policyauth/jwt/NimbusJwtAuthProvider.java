package io.policyauth.jwt;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.AuthenticationException;

/**
 * Verifies compact JWS bearer tokens with Nimbus, following RFC 8725: the algorithm must be on an
 * allowlist bound to the key type (checked before any key is chosen), keys come only from
 * configuration (never from the token's {@code jwk}, {@code jku}, {@code x5u} or {@code x5c}),
 * {@code exp} and {@code sub} are required, and {@code iss} / {@code aud} are checked when
 * configured. Every unacceptable token ends as an {@link AuthenticationException}, never as
 * another runtime exception.
 *
 * <p>Tokens that pass are remembered in a bounded {@linkplain VerifiedTokenCacheSettings
 * verified-token cache} keyed on the exact token string, so a token seen again skips the signature
 * check, the claims parse and the user mapping; {@code exp} is still checked against the clock on
 * every hit. The {@link TokenDenylist} is consulted on every request, cached or not.
 */
public final class NimbusJwtAuthProvider implements JwtAuthProvider, AutoCloseable {

    /** The mechanism name given to authenticated users. */
    public static final String MECHANISM = AuthenticatedUser.BEARER_MECHANISM;

    /** Longest token accepted; longer ones are refused before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final Set<JWSAlgorithm> algorithms;
    private final VerifierSource verifiers;
    private final ClaimsVerifier claimsVerifier;
    private final JwtClaimRules rules;
    private final Clock clock;
    private final VerifiedTokenCache cache;
    private final TokenDenylist denylist;
    private final CompactJwsParser parser = new CompactJwsParser();

    NimbusJwtAuthProvider(Set<JWSAlgorithm> algorithms, VerifierSource verifiers, JwtClaimRules rules) {
        this(algorithms, verifiers, rules, VerifiedTokenCacheSettings.defaults(), TokenDenylist.none());
    }

    NimbusJwtAuthProvider(Set<JWSAlgorithm> algorithms, VerifierSource verifiers, JwtClaimRules rules,
            VerifiedTokenCacheSettings cacheSettings, TokenDenylist denylist) {
        this.algorithms = Set.copyOf(algorithms);
        this.verifiers = verifiers;
        this.rules = Objects.requireNonNull(rules, "rules");
        this.claimsVerifier = new ClaimsVerifier(rules);
        this.clock = rules.clock();
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        // Expiry follows the one clock, so a test's clock moves cached tokens as it moves exp.
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.cache = cacheSettings.enabled() ? new VerifiedTokenCache(cacheSettings, ticker) : null;
    }

    /**
     * A provider that verifies HMAC tokens.
     *
     * @param secret the shared secret, at least 32 bytes
     * @param algorithms the allowed HS algorithms; empty for HS256
     * @param rules the claim rules
     * @return the provider
     * @throws IllegalArgumentException on a short secret or an algorithm that is not HMAC
     */
    public static NimbusJwtAuthProvider withSecret(byte[] secret, Set<String> algorithms, JwtClaimRules rules) {
        return withSecret(secret, algorithms, rules, VerifiedTokenCacheSettings.defaults(), TokenDenylist.none());
    }

    /**
     * A provider that verifies HMAC tokens and refuses revoked ones. A token seen before is served
     * from the verified-token cache: the signature check is cheap, but the claims parse and the
     * user mapping are not.
     *
     * @param secret the shared secret, at least 32 bytes
     * @param algorithms the allowed HS algorithms; empty for HS256
     * @param rules the claim rules
     * @param cache bounds of the verified-token cache, or {@link VerifiedTokenCacheSettings#disabled()}
     * @param denylist revoked token ids, consulted on every request
     * @return the provider
     * @throws IllegalArgumentException on a short secret or an algorithm that is not HMAC
     */
    public static NimbusJwtAuthProvider withSecret(byte[] secret, Set<String> algorithms, JwtClaimRules rules,
            VerifiedTokenCacheSettings cache, TokenDenylist denylist) {
        Set<JWSAlgorithm> allowed = JwtAlgorithms.forSecret(algorithms, secret.length);
        return new NimbusJwtAuthProvider(allowed, new StaticVerifierSource(HmacVerifier.create(secret, allowed)), rules,
                cache, denylist);
    }

    /**
     * A provider that verifies tokens with one RSA or EC public key.
     *
     * @param key the public key; RSA of at least 2048 bits, or EC on P-256, P-384 or P-521
     * @param algorithms the allowed algorithms; empty for RS256 (RSA) or the curve's ES algorithm (EC)
     * @param rules the claim rules
     * @return the provider, with the default verified-token cache and no denylist
     * @throws IllegalArgumentException on an algorithm the key cannot verify or an unusable key
     */
    public static NimbusJwtAuthProvider withPublicKey(PublicKey key, Set<String> algorithms, JwtClaimRules rules) {
        return withPublicKey(key, algorithms, rules, VerifiedTokenCacheSettings.defaults(), TokenDenylist.none());
    }

    /**
     * A provider that verifies tokens with one RSA or EC public key.
     *
     * @param key the public key; RSA of at least 2048 bits, or EC on P-256, P-384 or P-521
     * @param algorithms the allowed algorithms; empty for RS256 (RSA) or the curve's ES algorithm (EC)
     * @param rules the claim rules
     * @param cache bounds of the verified-token cache, or {@link VerifiedTokenCacheSettings#disabled()}
     * @param denylist revoked token ids, consulted on every request
     * @return the provider
     * @throws IllegalArgumentException on an algorithm the key cannot verify or an unusable key
     */
    public static NimbusJwtAuthProvider withPublicKey(PublicKey key, Set<String> algorithms, JwtClaimRules rules,
            VerifiedTokenCacheSettings cache, TokenDenylist denylist) {
        Set<JWSAlgorithm> allowed = JwtAlgorithms.forPublicKey(algorithms, key);
        JWSVerifier verifier;
        if (key instanceof RSAPublicKey rsa) {
            verifier = new RSASSAVerifier(rsa);
        }
        else {
            try {
                verifier = new ECDSAVerifier((ECPublicKey) key);
            }
            catch (JOSEException failure) {
                throw new IllegalArgumentException("the EC key cannot be used for ECDSA", failure);
            }
        }
        return new NimbusJwtAuthProvider(allowed, new StaticVerifierSource(verifier), rules, cache, denylist);
    }

    /**
     * A provider that verifies tokens with the keys of a JWK Set, fetched lazily on the first
     * token, so an unreachable endpoint does not stop the application from starting.
     *
     * @param jwkSetUri the {@code http} or {@code https} URI of the set
     * @param options fetching and caching
     * @param algorithms the allowed algorithms (RSA or EC); empty for RS256 and ES256
     * @param rules the claim rules
     * @param tasks runs the refreshes of the set
     * @return the provider, with the default verified-token cache and no denylist
     * @throws IllegalArgumentException on a bad URI or algorithm
     */
    public static NimbusJwtAuthProvider withJwkSetUri(URI jwkSetUri, JwkSetOptions options, Set<String> algorithms,
            JwtClaimRules rules, BackgroundTasks tasks) {
        return withJwkSetUri(jwkSetUri, options, algorithms, rules, VerifiedTokenCacheSettings.defaults(),
                TokenDenylist.none(), tasks);
    }

    /**
     * A provider that verifies tokens with the keys of a JWK Set, fetched lazily on the first
     * token. A cached token stays valid for at most the cache TTL after its key leaves the set.
     *
     * @param jwkSetUri the {@code http} or {@code https} URI of the set
     * @param options fetching and caching
     * @param algorithms the allowed algorithms (RSA or EC); empty for RS256 and ES256
     * @param rules the claim rules
     * @param cache bounds of the verified-token cache, or {@link VerifiedTokenCacheSettings#disabled()}
     * @param denylist revoked token ids, consulted on every request
     * @param tasks runs the refreshes of the set
     * @return the provider
     * @throws IllegalArgumentException on a bad URI or algorithm
     */
    public static NimbusJwtAuthProvider withJwkSetUri(URI jwkSetUri, JwkSetOptions options, Set<String> algorithms,
            JwtClaimRules rules, VerifiedTokenCacheSettings cache, TokenDenylist denylist, BackgroundTasks tasks) {
        Set<JWSAlgorithm> allowed = JwtAlgorithms.forJwkSet(algorithms);
        String scheme = jwkSetUri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the JWK Set URI must be http or https");
        }
        try {
            return new NimbusJwtAuthProvider(allowed, new JwkSetVerifierSource(jwkSetUri.toURL(), options, tasks,
                    rules.clock(), rules.issuer()), rules,
                    cache, denylist);
        }
        catch (MalformedURLException | IllegalArgumentException failure) {
            throw new IllegalArgumentException("the JWK Set URI is not a valid URL", failure);
        }
    }

    /**
     * A provider that verifies tokens of one issuer with the keys its metadata names (OpenID
     * Connect Discovery, else RFC 8414), found on the first token: the application starts whether
     * or not the provider is up, and tokens get 503 while it cannot be reached. The issuer is the
     * required {@code iss}.
     *
     * @param issuerUri the issuer, exactly as its tokens carry it in {@code iss}
     * @param options fetching and caching of the metadata and the JWK Set
     * @param algorithms the allowed algorithms (RSA or EC); empty for RS256 and ES256
     * @param rules the claim rules; their issuer is replaced by {@code issuerUri}
     * @param cache bounds of the verified-token cache, or {@link VerifiedTokenCacheSettings#disabled()}
     * @param denylist revoked token ids, consulted on every request
     * @param tasks runs the refreshes of the set
     * @return the provider
     * @throws IllegalArgumentException on a URI that is not http or https, or a bad algorithm
     */
    public static NimbusJwtAuthProvider withIssuerUri(URI issuerUri, JwkSetOptions options, Set<String> algorithms,
            JwtClaimRules rules, VerifiedTokenCacheSettings cache, TokenDenylist denylist, BackgroundTasks tasks) {
        Set<JWSAlgorithm> allowed = JwtAlgorithms.forJwkSet(algorithms);
        String scheme = issuerUri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || issuerUri.getHost() == null) {
            throw new IllegalArgumentException("the issuer URI must be an absolute http or https URI");
        }
        return new NimbusJwtAuthProvider(allowed, new DiscoveredVerifierSource(issuerUri, options, tasks,
                rules.clock()), rules.withIssuer(issuerUri.toString()), cache, denylist);
    }

    /**
     * @return the algorithms this provider accepts
     */
    public Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    /* A key fetched from a JWK Set or an issuer, or a shared denylist, may be waited for. */
    @Override
    public boolean mayBlock() {
        return !(verifiers instanceof StaticVerifierSource) || denylist.mayBlock();
    }

    @Override
    public AuthenticatedUser check(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw TokenRejections.malformed();
        }
        AuthenticatedUser user = cache == null ? null : cache.get(token, clock.millis());
        if (user == null) {
            user = verify(token);
        }
        // Outside verify(): a denylist failure is the denylist's to report, not a malformed token.
        String jti = user.tokenId();
        if (jti != null && denylist.isRevoked(jti)) {
            throw TokenRejections.revoked();
        }
        return user;
    }

    /**
     * @return whether tokens that pass are cached
     */
    public boolean cachesVerifiedTokens() {
        return cache != null;
    }

    private AuthenticatedUser verify(String token) {
        try {
            CompactJws jws = parser.parse(token);
            JWSHeader header = jws.header();
            // The allowlist comes first: a key is only ever used with algorithms of its own type.
            if (!algorithms.contains(header.getAlgorithm())) {
                throw TokenRejections.unsupportedAlgorithm();
            }
            // No critical extension is understood here (RFC 7515 section 4.1.11).
            Set<String> critical = header.getCriticalParams();
            if (critical != null && !critical.isEmpty()) {
                throw TokenRejections.unsupportedCriticalHeader();
            }
            if (!rules.acceptsType(header.getType() == null ? null : header.getType().toString())) {
                throw TokenRejections.wrongType();
            }
            verifySignature(jws);
            parser.rememberHeader(jws);
            Map<String, Object> claims = jws.claims();
            long expiresAtMillis = claimsVerifier.verify(claims);
            // A cached user is shared by every later request: its claims must not change under it.
            Map<String, Object> verified = cache == null ? Collections.unmodifiableMap(claims) : FrozenClaims.of(claims);
            for (JwtClaimValidator validator : rules.validators()) {
                if (!validator.isValid(verified)) {
                    throw TokenRejections.claimRejected();
                }
            }
            AuthenticatedUser user = rules.userMapper().toUser(verified, rules.mapping());
            if (user == null || user.subject().isBlank()) {
                throw TokenRejections.missingSubject();
            }
            if (cache != null) {
                cache.put(token, user, expiresAtMillis, clock.millis());
            }
            return user;
        }
        catch (ParseException notAJsonObject) {
            throw TokenRejections.malformed();
        }
        catch (AuthException expected) {
            throw expected;
        }
        catch (RuntimeException unexpected) {
            // Whatever a hostile token makes the parser do, the answer is a 401, never a 500.
            throw TokenRejections.malformed();
        }
    }

    @Override
    public void close() {
        verifiers.close();
    }

    private void verifySignature(CompactJws jws) {
        JWSHeader header = jws.header();
        List<JWSVerifier> candidates = verifiers.verifiersFor(header);
        for (JWSVerifier verifier : candidates) {
            try {
                if (verifier.verify(header, jws.signingInput(), jws.signature())) {
                    return;
                }
            }
            catch (JOSEException wrongKeyOrShape) {
                // Try the next candidate key; if none verifies, the signature is bad.
            }
        }
        throw TokenRejections.badSignature();
    }
}
