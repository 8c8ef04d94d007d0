package io.policyauth.remote;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

import io.policyauth.cache.SampledReads;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.BearerTokens;
import io.policyauth.core.Challenge;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.ForwardedBody;
import io.policyauth.core.InvalidCredentialRequestException;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.RequestBodyRejectedException;
import io.policyauth.core.SecurityRequestContext;

/**
 * A {@code remote} policy: POSTs the caller's credentials and request to an authorizer and
 * follows its decision. A 200 with roles admits the caller (then the policy's own scope and role
 * requirements apply); 401 is a 401 with a challenge, any other 4xx a 403; no answer in time, an
 * I/O error, a 5xx or a malformed answer is a 503 (see {@link AuthorizerClient}).
 * <p>
 * The caller is named by the authorizer's {@code sub} (or {@code user}), else by the Basic user,
 * else {@value #ANONYMOUS_SUBJECT}. The 401 challenge follows the request's scheme: {@code Bearer}
 * (with {@code error="invalid_token"}) for a bearer token, that scheme for another one, and
 * {@code Basic} for Basic or no credential, each with {@code realm} set to the policy name.
 */
public final class RemoteAuthorizerExecutor implements AuthExecutor {

    /** The mechanism of the users this policy admits. */
    public static final String MECHANISM = "remote";

    /** The {@link PolicyDescription#kind()} of remote policies. */
    public static final String KIND = "remote";

    /** The subject when neither the authorizer nor a Basic header names the caller. */
    public static final String ANONYMOUS_SUBJECT = "remote";

    private static final String AUTHORIZATION = "Authorization";
    private static final String CONTENT_TYPE = "Content-Type";
    private static final Pattern SCHEME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final int MAX_REASON_LENGTH = 200;
    private static final Duration SATURATED_RETRY_AFTER = Duration.ofSeconds(1);

    private final RemotePolicySettings settings;
    private final AuthorizerClient client;
    private final @Nullable Cache<String, AuthorizerAnswer> cache;
    private final @Nullable SampledReads<String, AuthorizerAnswer> reads;
    private final Semaphore permits;

    /**
     * @param settings the policy's configuration
     * @param client asks the authorizer
     */
    public RemoteAuthorizerExecutor(RemotePolicySettings settings, AuthorizerClient client) {
        this(settings, client, Ticker.systemTicker());
    }

    RemoteAuthorizerExecutor(RemotePolicySettings settings, AuthorizerClient client, Ticker ticker) {
        this.settings = settings;
        this.client = client;
        // Keyed on a hash of everything sent, never on a credential.
        this.cache = settings.caching() ? Caffeine.newBuilder().maximumSize(settings.cacheSize())
                .expireAfterWrite(settings.cacheTtl()).ticker(ticker).executor(Runnable::run).build() : null;
        this.reads = cache == null ? null : new SampledReads<>(cache);
        this.permits = new Semaphore(settings.maxConcurrentRequests());
    }

    @Override
    public String policy() {
        return settings.name();
    }

    @Override
    public PolicyDescription describe() {
        return PolicyDescription.leaf(settings.name(), KIND,
                new CredentialDescription(CredentialDescription.Type.AUTHORIZATION_HEADER, AUTHORIZATION),
                List.of(challenge(null)));
    }

    /**
     * @return the policy's configuration
     */
    public RemotePolicySettings settings() {
        return settings;
    }

    /**
     * {@inheritDoc}
     *
     * @throws AuthenticationException {@code remote_unauthenticated} when the authorizer answers
     *         401, {@code invalid_basic_credentials} for a malformed Basic header (not sent on)
     * @throws ForbiddenException {@code remote_denied} for another 4xx
     * @throws RequestBodyRejectedException with {@code include-body}: 413 for a body over the limit,
     *         415 for one that cannot be sent as the handler will read it
     * @throws InvalidCredentialRequestException {@code duplicate_credential} for two
     *         {@code Authorization} headers
     */
    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        String authorization = context.headers().single(AUTHORIZATION);
        BasicCredentials basic = basic(authorization);
        // With include-body the permit comes first: a slow or large body is read only for a question
        // that may be asked.
        AuthorizerAnswer answer = settings.includeBody()
                ? withPermit(() -> answer(request(context, authorization, basic, body(context))))
                : answer(request(context, authorization, basic, null));
        return decide(answer, authorization, basic);
    }

    @Override
    public boolean readsBody() {
        return settings.includeBody();
    }

    private AuthorizerRequest request(SecurityRequestContext context, @Nullable String authorization,
            @Nullable BasicCredentials basic, @Nullable String body) {
        return new AuthorizerRequest(headers(context, authorization), basic == null ? null : basic.user(),
                basic == null ? null : basic.pass(), uri(context), context.method(), body);
    }

    private AuthenticatedUser decide(AuthorizerAnswer answer, @Nullable String authorization,
            @Nullable BasicCredentials basic) {
        if (answer.granted()) {
            return admit(answer, authorization, basic);
        }
        if (answer.status() == AuthorizerAnswer.UNAUTHENTICATED) {
            throw new AuthenticationException("remote_unauthenticated",
                    detail(answer, authorization == null ? "Credentials are required."
                            : "The credentials were not accepted."),
                    authorization != null, List.of(challenge(authorization)), null);
        }
        ForbiddenException denied = new ForbiddenException("remote_denied", detail(answer,
                "The request is not allowed."), List.of());
        if (basic != null && !basic.user().isEmpty()) {
            // A 403 refuses a user the authorizer knows: the audit records whom.
            denied.refusing(AuthenticatedUser.builder(basic.user(), MECHANISM).build());
        }
        throw denied;
    }

    /** The path as handlers match it, so the authorizer judges the request that will be served. */
    private static String uri(SecurityRequestContext context) {
        return context.query() == null ? context.path() : context.path() + "?" + context.query();
    }

    private AuthorizerAnswer answer(AuthorizerRequest request) {
        if (cache == null) {
            return ask(request);
        }
        String fingerprint = request.fingerprint();
        AuthorizerAnswer cached = reads.getIfPresent(fingerprint);
        if (cached != null) {
            return cached;
        }
        // Failures are exceptions and never reach the cache: an outage is retried on the next request.
        AuthorizerAnswer answer = ask(request);
        if (answer.cacheable()) {
            cache.put(fingerprint, answer);
        }
        return answer;
    }

    /* With include-body, execute() holds the permit already. */
    private AuthorizerAnswer ask(AuthorizerRequest request) {
        return settings.includeBody() ? client.ask(request) : withPermit(() -> client.ask(request));
    }

    /** Runs the work unless as many questions already wait on the authorizer as the policy allows. */
    private <T> T withPermit(Supplier<T> work) {
        if (!permits.tryAcquire()) {
            throw saturated();
        }
        try {
            return work.get();
        }
        finally {
            permits.release();
        }
    }

    private static AuthUnavailableException saturated() {
        return new AuthUnavailableException("remote_saturated", "The request cannot be authorized right now.",
                SATURATED_RETRY_AFTER, null);
    }

    private AuthenticatedUser admit(AuthorizerAnswer answer, @Nullable String authorization,
            BasicCredentials basic) {
        String subject = answer.subject() != null ? answer.subject()
                : basic != null && !basic.user().isEmpty() ? basic.user() : ANONYMOUS_SUBJECT;
        AuthenticatedUser.Builder user = AuthenticatedUser.builder(subject, MECHANISM).scopes(answer.scopes())
                .roles(answer.roles());
        if (authorization != null) {
            user.credential(isBearer(authorization) ? CredentialDescription.Type.BEARER_TOKEN
                    : CredentialDescription.Type.AUTHORIZATION_HEADER);
        }
        return user.build();
    }

    private Map<String, List<String>> headers(SecurityRequestContext context, String authorization) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put(AUTHORIZATION, List.of(authorization));
        }
        for (String name : settings.forwardHeaders()) {
            List<String> values = context.headers().values(name);
            if (!values.isEmpty()) {
                headers.put(name, values);
            }
        }
        return headers;
    }

    private @Nullable String body(SecurityRequestContext context) {
        byte[] bytes;
        ForwardedBody forwarded = context.forwardedBody();
        if (forwarded != null) {
            if (forwarded.bytes() == null) {
                // Never asked without the body it decides on: it could admit what the body says.
                throw new ForbiddenException("body_unavailable", "This request's body is not available to the "
                        + "policy that decides on it.", List.of());
            }
            if (forwarded.truncated()) {
                throw RequestBodyRejectedException.tooLarge();
            }
            bytes = forwarded.bytes();
        }
        else {
            bytes = copy(context);
        }
        if (bytes == null) {
            return null;
        }
        if (bytes.length > settings.maxBodyBytes()) {
            // Fail closed: an authorizer shown part of a body could admit what the rest says.
            throw RequestBodyRejectedException.tooLarge();
        }
        return BodyText.decode(bytes, context.headers().single(CONTENT_TYPE));
    }

    private byte @Nullable [] copy(SecurityRequestContext context) {
        try {
            return context.body().copy(settings.maxBodyBytes());
        }
        catch (UncheckedIOException unreadable) {
            throw new InvalidCredentialRequestException("unreadable_body", "The request body could not be read.",
                    null);
        }
    }

    private BasicCredentials basic(String authorization) {
        try {
            return BasicCredentials.parse(authorization);
        }
        catch (IllegalArgumentException malformed) {
            throw new AuthenticationException("invalid_basic_credentials",
                    "The Basic credentials are malformed.", true, List.of(challenge(authorization)), null);
        }
    }

    private static String scheme(@Nullable String authorization) {
        return authorization == null ? "" : authorization.strip().split(" ", 2)[0];
    }

    private static boolean isBearer(String authorization) {
        return scheme(authorization).equalsIgnoreCase(BearerTokens.SCHEME);
    }

    private Challenge challenge(String authorization) {
        String scheme = scheme(authorization);
        if (scheme.equalsIgnoreCase(BearerTokens.SCHEME)) {
            return Challenge.of("Bearer").with("realm", settings.name()).with("error", "invalid_token");
        }
        if (!scheme.isEmpty() && !scheme.equalsIgnoreCase("Basic") && SCHEME.matcher(scheme).matches()) {
            return Challenge.of(scheme).with("realm", settings.name());
        }
        return Challenge.of("Basic").with("realm", settings.name()).with("charset", "UTF-8");
    }

    private String detail(AuthorizerAnswer answer, String generic) {
        if (!settings.exposeReason() || answer.error() == null || answer.error().isBlank()) {
            return generic;
        }
        String reason = answer.error().replaceAll("\\p{Cntrl}", " ").strip();
        return reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
    }
}
