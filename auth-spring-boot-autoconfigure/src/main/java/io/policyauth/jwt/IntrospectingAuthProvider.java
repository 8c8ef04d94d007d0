package io.policyauth.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

import io.policyauth.cache.SampledReads;
import io.policyauth.core.AuthException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.Denial;
import io.policyauth.core.Handoff;
import io.policyauth.core.Sha256;

/**
 * Admits opaque access tokens by asking the issuer (RFC 7662): {@code active} false is a 401;
 * {@code exp}, {@code nbf}, {@code iss} and {@code aud} of an active token are checked as a JWT's
 * claims are, {@code token_type} must name an access token, and the answer is mapped to the caller
 * with the issuer's claim mapping. Answers are cached by a hash of the token (the token itself is
 * never kept) for at most the token's remaining life and the cache TTL; an inactive or refused
 * answer for a few seconds, so that a flood of one bad token does not flood the issuer. A JWT goes
 * to the issuer's own verifier, when it has keys. The denylist applies on every request.
 */
public final class IntrospectingAuthProvider implements JwtAuthProvider, AutoCloseable {

    /** The longest an inactive answer is reused: a token being issued may turn active at once. */
    static final Duration INACTIVE_TTL = Duration.ofSeconds(5);

    private static final int CACHE_SIZE = VerifiedTokenCacheSettings.DEFAULT_MAXIMUM_SIZE;

    private final TokenIntrospector introspector;
    private final JwtClaimRules rules;
    private final ClaimsVerifier claims;
    private final TokenDenylist denylist;
    private final @Nullable JwtAuthProvider jwts;
    private final Clock clock;
    private final @Nullable SampledReads<TokenHash, Answer> answers;
    /* The hash mayBlock worked out, for check of the same token (the same string, handed on by PrivateExecutor). */
    private final Handoff<String, TokenHash> hashed = new Handoff<>();

    /**
     * @param introspector asks the issuer
     * @param rules issuer, audiences, skew, mapping and the application's seams
     * @param cacheTtl the longest an answer is reused; zero for none
     * @param denylist revoked token ids, consulted on every request
     * @param jwts verifies JWTs with the issuer's keys, or {@code null} to introspect every token
     */
    public IntrospectingAuthProvider(TokenIntrospector introspector, JwtClaimRules rules, Duration cacheTtl,
            TokenDenylist denylist, @Nullable JwtAuthProvider jwts) {
        this.introspector = Objects.requireNonNull(introspector, "introspector");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.claims = new ClaimsVerifier(rules);
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.jwts = jwts;
        this.clock = rules.clock();
        this.answers = cacheTtl.isZero() ? null : new SampledReads<>(Caffeine.newBuilder().maximumSize(CACHE_SIZE)
                .executor(Runnable::run).ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.creating((TokenHash key, Answer answer) -> answer.keptFor(cacheTtl, clock)))
                .build());
    }

    /* The JWT verifier's key refreshes stop with it. */
    @Override
    public void close() {
        if (jwts instanceof NimbusJwtAuthProvider nimbus) {
            nimbus.close();
        }
    }

    /**
     * @param token a bearer token
     * @return whether it has the shape of a compact JWS: three parts
     */
    public static boolean isJws(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }

    /* A token whose answer is cached is CPU work, unless the denylist may be waited for. */
    @Override
    public boolean mayBlock(String token) {
        if (!NimbusJwtAuthProvider.isAcceptableLength(token)) {
            return false;
        }
        if (jwts != null && isJws(token)) {
            return jwts.mayBlock(token);
        }
        if (answers == null) {
            return true;
        }
        TokenHash hash = TokenHash.of(token);
        hashed.give(token, hash);
        // Quietly: check() reads the answer for this request next, and one read is all that counts.
        return answers.getIfPresentQuietly(hash) == null || denylist.mayBlock();
    }

    @Override
    public AuthenticatedUser check(String token) {
        if (!NimbusJwtAuthProvider.isAcceptableLength(token)) {
            throw TokenRejections.malformed();
        }
        if (jwts != null && isJws(token)) {
            return jwts.check(token);
        }
        Answer answer = answers == null ? ask(token) : answers.get(hashOf(token), key -> ask(token));
        if (answer.refusal() != null) {
            // A new exception each time: one is never shared between requests.
            throw new AuthenticationException(answer.refusal(), null);
        }
        if (answer.expiresAt() != null
                && clock.millis() >= answer.expiresAt().toEpochMilli() + rules.clockSkew().toMillis()) {
            throw TokenRejections.expired();
        }
        String jti = answer.caller().tokenId();
        if (jti != null && denylist.isRevoked(jti)) {
            throw TokenRejections.revoked();
        }
        return answer.caller();
    }

    /* The endpoint's failures (503) propagate and are not cached; a refusal of the token is. */
    private Answer ask(String token) {
        Map<String, Object> answer = introspector.introspect(token);
        try {
            if (!Boolean.TRUE.equals(answer.get("active"))) {
                throw TokenRejections.inactive();
            }
            if (answer.get("token_type") instanceof String type && !isAccessTokenType(type)) {
                throw TokenRejections.wrongType();
            }
            long expiresAt = claims.verify(answer);
            return new Answer(rules.callerOf(FrozenClaims.of(answer)), Instant.ofEpochMilli(expiresAt), null);
        }
        catch (AuthenticationException refused) {
            return new Answer(null, null, refused.denial());
        }
        catch (AuthException other) {
            throw other;
        }
        catch (RuntimeException malformed) {
            return new Answer(null, null, TokenRejections.malformed().denial());
        }
    }

    /* RFC 7662 section 2.2: the type of the token as RFC 6749 section 7.1 names it. */
    private static boolean isAccessTokenType(String type) {
        return "bearer".equalsIgnoreCase(type) || "dpop".equalsIgnoreCase(type) || "access_token".equalsIgnoreCase(type)
                || "n_a".equalsIgnoreCase(type);
    }

    /* The token's hash, as mayBlock worked it out for this very token if it did. */
    private TokenHash hashOf(String token) {
        TokenHash hash = hashed.take(token);
        return hash != null ? hash : TokenHash.of(token);
    }

    /*
     * A token's SHA-256 as a cache key, hashed on its first four bytes: a digest is uniform, so those
     * spread keys as well as all of them would, and no string is made from it.
     */
    private static final class TokenHash {

        private final byte[] digest;
        private final int hash;

        private TokenHash(byte[] digest) {
            this.digest = digest;
            this.hash = (digest[0] << 24) | ((digest[1] & 0xFF) << 16) | ((digest[2] & 0xFF) << 8) | (digest[3] & 0xFF);
        }

        static TokenHash of(String token) {
            // UTF-8, not ASCII: two tokens that differ outside ASCII must not hash alike.
            return new TokenHash(Sha256.of(token.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenHash key && hash == key.hash && Arrays.equals(digest, key.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /* An issuer's answer: the caller of an active token and when it expires, or why the token is refused. */
    private record Answer(@Nullable AuthenticatedUser caller, @Nullable Instant expiresAt, @Nullable Denial refusal) {

        Duration keptFor(Duration cacheTtl, Clock clock) {
            if (refusal != null) {
                return INACTIVE_TTL.compareTo(cacheTtl) < 0 ? INACTIVE_TTL : cacheTtl;
            }
            Duration left = Duration.between(clock.instant(), expiresAt);
            return left.isNegative() ? Duration.ZERO : left.compareTo(cacheTtl) < 0 ? left : cacheTtl;
        }
    }
}
