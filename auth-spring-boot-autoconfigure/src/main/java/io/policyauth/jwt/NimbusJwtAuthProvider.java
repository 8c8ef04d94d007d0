package io.policyauth.jwt;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.BackgroundTasks;

/**
 * Verifies compact JWS bearer tokens with Nimbus, following RFC 8725: the algorithm must be on an
 * allowlist bound to the key type (checked before any key is chosen), keys come only from
 * configuration (never from the token's {@code jwk}, {@code jku}, {@code x5u} or {@code x5c}),
 * {@code exp} and {@code sub} are required, and {@code iss} / {@code aud} are checked when
 * configured. Every unacceptable token ends as an {@link AuthenticationException}, never as
 * another runtime exception; what the application's {@link JwtClaimValidator}s and
 * {@link JwtUserMapper} throw is left to fail the request as a logged 500. Built with
 * {@link #withSecret}, {@link #withPublicKey}, {@link #withJwkSetUri} or {@link #withIssuerUri}.
 *
 * <p>Tokens that pass are remembered in a bounded {@linkplain VerifiedTokenCacheSettings
 * verified-token cache} keyed on the exact token string, so a token seen again skips the signature
 * check, the claims parse and the user mapping; {@code exp} is still checked against the clock on
 * every hit. The {@link TokenDenylist} is consulted on every request, cached or not.
 */
public final class NimbusJwtAuthProvider implements JwtAuthProvider, AutoCloseable {

    /** The mechanism name given to authenticated users. */
    public static final String MECHANISM = "jwt";

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
     * @param secret the shared secret, at least 32 bytes (64 for HS512)
     * @return a builder; its algorithms default to HS256
     */
    public static Builder withSecret(byte[] secret) {
        byte[] copy = secret.clone();
        return new Builder((algorithms, rules) -> {
            Set<JWSAlgorithm> allowed = JwtAlgorithms.forSecret(algorithms, copy.length);
            return new KeySource(allowed, new StaticVerifierSource(HmacVerifier.create(copy, allowed)), rules);
        });
    }

    /**
     * A provider that verifies tokens with one RSA or EC public key.
     *
     * @param key the public key; RSA of at least 2048 bits, or EC on P-256, P-384 or P-521
     * @return a builder; its algorithms default to RS256 (RSA) or the curve's ES algorithm (EC)
     */
    public static Builder withPublicKey(PublicKey key) {
        return new Builder((algorithms, rules) -> {
            Set<JWSAlgorithm> allowed = JwtAlgorithms.forPublicKey(algorithms, key);
            return new KeySource(allowed, new StaticVerifierSource(verifier(key)), rules);
        });
    }

    /**
     * A provider that verifies tokens with the keys of a JWK Set, fetched lazily on the first
     * token, so an unreachable endpoint does not stop the application from starting. A cached
     * token stays valid for at most the cache TTL after its key leaves the set.
     *
     * @param jwkSetUri the {@code http} or {@code https} URI of the set
     * @param options fetching and caching
     * @param tasks runs the refreshes of the set
     * @return a builder; its algorithms (RSA or EC) default to RS256 and ES256
     */
    public static Builder withJwkSetUri(URI jwkSetUri, JwkSetOptions options, BackgroundTasks tasks) {
        return new Builder((algorithms, rules) -> {
            Set<JWSAlgorithm> allowed = JwtAlgorithms.forJwkSet(algorithms);
            String scheme = jwkSetUri.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("the JWK Set URI must be http or https");
            }
            try {
                return new KeySource(allowed, new JwkSetVerifierSource(jwkSetUri.toURL(), options, tasks,
                        rules.clock(), rules.issuer()), rules);
            }
            catch (MalformedURLException | IllegalArgumentException failure) {
                throw new IllegalArgumentException("the JWK Set URI is not a valid URL", failure);
            }
        });
    }

    /**
     * A provider that verifies tokens of one issuer with the keys its metadata names (OpenID
     * Connect Discovery, else RFC 8414), found on the first token: the application starts whether
     * or not the provider is up, and tokens get 503 while it cannot be reached. The issuer is the
     * required {@code iss}, whatever the rules say.
     *
     * @param issuerUri the issuer, exactly as its tokens carry it in {@code iss}
     * @param options fetching and caching of the metadata and the JWK Set
     * @param tasks runs the refreshes of the set
     * @return a builder; its algorithms (RSA or EC) default to RS256 and ES256
     */
    public static Builder withIssuerUri(URI issuerUri, JwkSetOptions options, BackgroundTasks tasks) {
        return new Builder((algorithms, rules) -> {
            Set<JWSAlgorithm> allowed = JwtAlgorithms.forJwkSet(algorithms);
            String scheme = issuerUri.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)
                    || issuerUri.getHost() == null) {
                throw new IllegalArgumentException("the issuer URI must be an absolute http or https URI");
            }
            return new KeySource(allowed, new DiscoveredVerifierSource(issuerUri, options, tasks, rules.clock()),
                    rules.withIssuer(issuerUri.toString()));
        });
    }

    private static JWSVerifier verifier(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        try {
            return new ECDSAVerifier((ECPublicKey) key);
        }
        catch (JOSEException | ClassCastException failure) {
            throw new IllegalArgumentException("the key is neither RSA nor usable for ECDSA", failure);
        }
    }

    /**
     * Assembles a provider around the key source it was started with, as Spring Security's
     * {@code NimbusJwtDecoder} builders do: the algorithm allowlist, the claim rules, the
     * verified-token cache and the denylist.
     */
    public static final class Builder {

        private final KeySourceFactory keys;
        private Set<String> algorithms = Set.of();
        private JwtClaimRules rules = JwtClaimRules.defaults();
        private VerifiedTokenCacheSettings cache = VerifiedTokenCacheSettings.defaults();
        private TokenDenylist denylist = TokenDenylist.none();

        private Builder(KeySourceFactory keys) {
            this.keys = keys;
        }

        /**
         * @param names the allowed algorithms, of the key's type; empty for the key's default
         * @return this builder
         */
        public Builder algorithms(Set<String> names) {
            this.algorithms = Set.copyOf(names);
            return this;
        }

        /**
         * @param claimRules issuer, audiences, clock skew, the claim mapping and the application's seams
         * @return this builder
         */
        public Builder rules(JwtClaimRules claimRules) {
            this.rules = Objects.requireNonNull(claimRules, "rules");
            return this;
        }

        /**
         * @param settings bounds of the verified-token cache, or {@link VerifiedTokenCacheSettings#disabled()}
         * @return this builder
         */
        public Builder cache(VerifiedTokenCacheSettings settings) {
            this.cache = Objects.requireNonNull(settings, "cache");
            return this;
        }

        /**
         * @param revoked revoked token ids, consulted on every request, cached token or not
         * @return this builder
         */
        public Builder denylist(TokenDenylist revoked) {
            this.denylist = Objects.requireNonNull(revoked, "denylist");
            return this;
        }

        /**
         * @return the provider
         * @throws IllegalArgumentException on an algorithm the key cannot verify, a short secret, an
         *         unusable key or a bad URI
         */
        public NimbusJwtAuthProvider build() {
            KeySource source = keys.create(algorithms, rules);
            return new NimbusJwtAuthProvider(source.algorithms(), source.verifiers(), source.rules(), cache, denylist);
        }
    }

    /* How a key source turns the configured algorithms and rules into verifiers. */
    @FunctionalInterface
    private interface KeySourceFactory {

        KeySource create(Set<String> algorithms, JwtClaimRules rules);
    }

    private record KeySource(Set<JWSAlgorithm> algorithms, VerifierSource verifiers, JwtClaimRules rules) {
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

    /* A token verified before needs no key: only a shared denylist may still be waited for. */
    @Override
    public boolean mayBlock(String token) {
        if (!mayBlock() || !isAcceptableLength(token)) {
            return false;
        }
        return denylist.mayBlock() || cache == null || !cache.holds(token, clock.millis());
    }

    @Override
    public AuthenticatedUser check(String token) {
        if (!isAcceptableLength(token)) {
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
     * @param token a bearer token
     * @return whether it is present and no longer than {@link #MAX_TOKEN_LENGTH}: anything else is refused unparsed
     */
    static boolean isAcceptableLength(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
    }

    /**
     * @return whether tokens that pass are cached
     */
    public boolean cachesVerifiedTokens() {
        return cache != null;
    }

    private AuthenticatedUser verify(String token) {
        Map<String, Object> claims;
        long expiresAtMillis;
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
            claims = jws.claims();
            expiresAtMillis = claimsVerifier.verify(claims);
        }
        catch (ParseException notAJsonObject) {
            throw TokenRejections.malformed();
        }
        catch (AuthException expected) {
            throw expected;
        }
        catch (RuntimeException hostile) {
            // Whatever a hostile token makes the parser do, the answer is a 401, never a 500.
            throw TokenRejections.malformed();
        }
        // The application's own checks run on a verified token; what they throw is theirs, not the token's.
        Map<String, Object> verified = cache == null ? Collections.unmodifiableMap(claims) : FrozenClaims.of(claims);
        AuthenticatedUser user = rules.callerOf(verified);
        if (cache != null) {
            cache.put(token, user, expiresAtMillis, clock.millis());
        }
        return user;
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
