package io.policyauth.remote;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.policyauth.core.Requirements;

/**
 * The configuration of one remote policy, validated.
 *
 * @param name the policy name
 * @param endpoint the authorizer URL, absolute http or https, with no user info
 * @param forwardHeaders request headers copied to the authorizer besides {@code Authorization}
 * @param timeout the limit of connecting and, separately, of receiving the answer; positive
 * @param cacheTtl how long answers are reused; zero for no cache
 * @param cacheSize the most answers cached; positive
 * @param includeBody whether the request body is sent
 * @param maxBodyBytes the largest body sent; positive, at most {@value #MAX_BODY_LIMIT}
 * @param exposeReason whether the authorizer's reason reaches the client
 * @param maxConcurrentRequests the most questions waiting on the authorizer at once; positive
 * @param requirements scopes and roles the caller must hold once the authorizer grants
 */
public record RemotePolicySettings(String name, URI endpoint, List<String> forwardHeaders, Duration timeout,
        Duration cacheTtl, int cacheSize, boolean includeBody, int maxBodyBytes, boolean exposeReason,
        int maxConcurrentRequests, Requirements requirements) {

    /** The default {@code maxConcurrentRequests}. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

    /** The largest {@code maxBodyBytes}: bodies are held in memory while the authorizer decides. */
    public static final int MAX_BODY_LIMIT = 1024 * 1024;

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    // Set by the client itself or meaningful only hop by hop.
    private static final Set<String> NOT_FORWARDABLE = Set.of("host", "connection", "content-length",
            "content-type", "accept", "expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive",
            "proxy-authorization", "proxy-connection");

    /**
     * @throws InvalidSettingException naming the offending setting ({@code endpoint},
     *         {@code timeout}, ...) at the start of the message
     */
    public RemotePolicySettings {
        Objects.requireNonNull(name, "name");
        checkEndpoint(endpoint);
        forwardHeaders = checkHeaders(forwardHeaders == null ? List.of() : forwardHeaders);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidSettingException("timeout", "must be positive, was " + timeout);
        }
        if (cacheTtl == null || cacheTtl.isNegative()) {
            throw new InvalidSettingException("cache-ttl", "must be zero (off) or positive, was " + cacheTtl);
        }
        if (cacheSize <= 0) {
            throw new InvalidSettingException("cache-size", "must be positive, was " + cacheSize);
        }
        if (maxBodyBytes <= 0 || maxBodyBytes > MAX_BODY_LIMIT) {
            throw new InvalidSettingException("max-body-size", "must be between 1B and " + MAX_BODY_LIMIT
                    + "B, was " + maxBodyBytes + "B");
        }
        if (maxConcurrentRequests <= 0) {
            throw new InvalidSettingException("max-concurrent-requests", "must be positive, was "
                    + maxConcurrentRequests);
        }
        requirements = requirements == null ? Requirements.NONE : requirements;
    }

    /**
     * @return whether answers are cached
     */
    public boolean caching() {
        return !cacheTtl.isZero();
    }

    private static void checkEndpoint(URI endpoint) {
        if (endpoint == null) {
            throw new InvalidSettingException("endpoint", "is required");
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!endpoint.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                || endpoint.getHost() == null) {
            throw new InvalidSettingException("endpoint", "must be an absolute http or https URL, was '"
                    + (endpoint.getUserInfo() == null ? endpoint : "(with user info)") + "'");
        }
        if (endpoint.getUserInfo() != null) {
            // It would travel in logs and error messages with the URL.
            throw new InvalidSettingException("endpoint", "must not carry user info; the authorizer receives the "
                    + "caller's credentials, not its own");
        }
    }

    private static List<String> checkHeaders(List<String> headers) {
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i).strip();
            String lower = header.toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(header).matches()) {
                throw new InvalidSettingException("forward-headers[" + i + "]", "'" + header
                        + "' is not a header name");
            }
            if (NOT_FORWARDABLE.contains(lower)) {
                throw new InvalidSettingException("forward-headers[" + i + "]", "'" + header
                        + "' cannot be forwarded: it is set by the client or hop by hop");
            }
            // Authorization is always forwarded; listing it changes nothing.
            if (!lower.equals("authorization") && checked.stream().noneMatch(header::equalsIgnoreCase)) {
                checked.add(header);
            }
        }
        return List.copyOf(checked);
    }
}
