package io.policyauth.jwt;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how opaque tokens are introspected (RFC 7662).
 *
 * @param uri the introspection endpoint
 * @param clientId this resource server's client id at the authorization server
 * @param clientSecret its secret, sent with the id as HTTP Basic (RFC 6749 section 2.3.1)
 * @param cacheTtl the longest an answer is reused; never past the token's {@code exp}; zero for none
 * @param connectTimeout the limit on connecting to the endpoint
 * @param readTimeout the limit on waiting for its answer
 */
public record IntrospectionSettings(URI uri, String clientId, String clientSecret, Duration cacheTtl,
        Duration connectTimeout, Duration readTimeout) {

    /** How long answers are reused unless configured otherwise. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);

    public IntrospectionSettings {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (!uri.isAbsolute() || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(
                uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("the introspection URI must be an absolute http or https URI");
        }
        if (cacheTtl.isNegative() || connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("the cache TTL must not be negative, the timeouts must be positive");
        }
    }

    @Override
    public String toString() {
        // Never the secret.
        return "IntrospectionSettings[uri=" + uri + ", clientId=" + clientId + ", cacheTtl=" + cacheTtl + "]";
    }
}
