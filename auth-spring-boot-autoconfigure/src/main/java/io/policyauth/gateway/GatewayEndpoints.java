package io.policyauth.gateway;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.policyauth.core.Decision;
import io.policyauth.core.Enforcement;
import io.policyauth.core.ForwardedBody;
import io.policyauth.core.RequestUrl;
import io.policyauth.core.Requirements;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.core.TenantBinding;
import io.policyauth.network.IpAddresses;
import io.policyauth.web.DirectEndpoints;
import io.policyauth.web.EffectivePolicy;
import io.policyauth.web.EndpointRequest;
import io.policyauth.web.MappedPolicy;
import io.policyauth.web.PolicyResponse;
import io.policyauth.web.PolicySource;

/**
 * The gateway's authorization endpoints under {@code policy-auth.gateway.path}, on any web front:
 * {@code /nginx} for nginx {@code auth_request}, {@code /envoy/**} for Envoy's HTTP
 * {@code ext_authz}, {@code /kx} for a KX Service Gateway. Only callers inside
 * {@code allowed-callers} are answered (others get 403 and nothing is decided), and an original
 * path that could be read two ways gets 400; both are counted as {@value #REJECTED}.
 */
public final class GatewayEndpoints implements DirectEndpoints {

    /** The counter of requests refused before any decision, tagged {@code reason}. */
    public static final String REJECTED = "policyauth.gateway.rejected";

    private static final String ENVOY = "/envoy";
    private static final String KX = "/kx";
    private static final String ENVOY_PARTIAL_BODY = "x-envoy-auth-partial-body";

    private final GatewaySettings settings;
    private final GatewayPolicies policies;
    private final KxAuthorizer kx;
    private final MeterRegistry meters;

    /**
     * @param settings paths, headers and callers
     * @param policies the gateway's policies, which decide forwarded requests
     * @param apiKeyHeader the header the key policies read, where a KX password is put
     * @param meters where rejections are counted
     */
    public GatewayEndpoints(GatewaySettings settings, GatewayPolicies policies, String apiKeyHeader,
            MeterRegistry meters) {
        this.settings = settings;
        this.policies = policies;
        this.kx = new KxAuthorizer(policies, apiKeyHeader, settings.kxMaxRequestBytes(),
                settings.rejectAmbiguousPaths());
        this.meters = meters;
    }

    /**
     * @return the endpoints as the policy map lists them: answered before any handler, to the
     *         allowed callers only
     */
    @Override
    public List<MappedPolicy> mappedPolicies() {
        return List.of(mapped("/nginx", "*", "nginx auth_request"), mapped(ENVOY + "/**", "*", "Envoy ext_authz"),
                mapped(KX, "POST", "KX Service Gateway"));
    }

    private MappedPolicy mapped(String endpoint, String method, String asker) {
        return new MappedPolicy(settings.path() + endpoint, method, "gateway: " + asker, List.of(), Requirements.NONE,
                PolicySource.GATEWAY, Enforcement.ENFORCE, false, false, TenantBinding.OFF);
    }

    /**
     * @param rawPath a request's raw path within the application
     * @return the endpoint it asks for, its path after the gateway path, or {@code null} when it
     *         is not for the gateway
     */
    @Override
    public @Nullable String endpoint(String rawPath) {
        return rawPath.startsWith(settings.path() + "/") ? rawPath.substring(settings.path().length()) : null;
    }

    /**
     * @param endpoint an endpoint, as {@link #endpoint} gave it
     * @param method the request's method
     * @return whether the front must read the body into {@link EndpointRequest#body()}
     */
    @Override
    public boolean readsBody(String endpoint, String method) {
        return KX.equals(endpoint) && "POST".equals(method) || isEnvoy(endpoint);
    }

    private static boolean isEnvoy(String endpoint) {
        return endpoint.equals(ENVOY) || endpoint.startsWith(ENVOY + "/");
    }

    /**
     * @return the most body bytes an endpoint reads (KX's request, the body Envoy forwards); a
     *         front reads one more to tell a larger body
     */
    @Override
    public int maxBodyBytes() {
        return settings.kxMaxRequestBytes();
    }

    /**
     * @return whether answering may wait on I/O (some gateway policy may), so a non-blocking front
     *         must answer off its event loop
     */
    @Override
    public boolean mayBlock() {
        return policies.mayBlock();
    }

    /**
     * @param endpoint an endpoint, as {@link #endpoint} gave it, whose body the front read
     * @return the answer to a request whose body the client did not send in time (408)
     */
    @Override
    public PolicyResponse bodyTimedOut(String endpoint) {
        return reject(KX.equals(endpoint), GatewayRejection.bodyTimedOut());
    }

    /**
     * @param request a request to an endpoint
     * @return the answer; never an exception
     */
    @Override
    public PolicyResponse answer(EndpointRequest request) {
        boolean kxEndpoint = KX.equals(request.endpoint());
        try {
            if (!callerAllowed(request.peerAddress())) {
                return reject(kxEndpoint, GatewayRejection.callerNotAllowed());
            }
            if ("/nginx".equals(request.endpoint())) {
                return nginx(request);
            }
            if (isEnvoy(request.endpoint())) {
                String original = request.endpoint().length() == ENVOY.length() ? "/"
                        : request.endpoint().substring(ENVOY.length());
                return decide(request, request.method(), request.query() == null ? original
                        : original + "?" + request.query(), envoyBody(request), 200);
            }
            if (kxEndpoint) {
                return kx.answer(request);
            }
            return PolicyResponse.problem(404, "not-found", "No such authorization endpoint",
                    "Use " + settings.path() + "/nginx, " + settings.path() + "/envoy/** or " + settings.path()
                            + KX + ".", null);
        }
        catch (AmbiguousPathException ambiguous) {
            return reject(kxEndpoint, GatewayRejection.ambiguous(ambiguous));
        }
        catch (RejectedRequest rejected) {
            return reject(kxEndpoint, rejected.rejection);
        }
        catch (RuntimeException failure) {
            return kxEndpoint ? kx.error(500, "the request could not be authorized").failing(failure)
                    : PolicyResponse.failed(failure, "gateway");
        }
    }

    private PolicyResponse nginx(EndpointRequest request) {
        String method = first(request, settings.originalMethodHeader());
        String uri = first(request, settings.originalUriHeader());
        if (method == null || uri == null || method.isEmpty() || !method.chars().allMatch(Character::isLetter)) {
            throw new RejectedRequest(GatewayRejection.unreadable("missing_original_request", "Send the original "
                    + "method and URI in " + settings.originalMethodHeader() + " and " + settings.originalUriHeader()
                    + "."));
        }
        // auth_request sends no body: a policy that decides on one is refused, never asked without it.
        return decide(request, method, uri, ForwardedBody.UNAVAILABLE, 204);
    }

    /*
     * Envoy sends the body with with_request_body, marking the check request with
     * x-envoy-auth-partial-body (true when it holds only the start); without the mark it sent none.
     */
    private ForwardedBody envoyBody(EndpointRequest request) {
        String partial = first(request, ENVOY_PARTIAL_BODY);
        byte[] body = request.body();
        if (partial == null || body == null) {
            return ForwardedBody.UNAVAILABLE;
        }
        return new ForwardedBody(body, "true".equalsIgnoreCase(partial) || body.length > settings.kxMaxRequestBytes());
    }

    private static @Nullable String first(EndpointRequest request, String header) {
        List<String> values = request.headers().values(header);
        return values.isEmpty() ? null : values.get(0);
    }

    private PolicyResponse decide(EndpointRequest request, String method, String target, ForwardedBody body,
            int grantStatus) {
        OriginalPath path = OriginalPath.parse(target, settings.rejectAmbiguousPaths());
        SecurityRequestContext context = SecurityRequestContext.builder(request.peerAddress(), request.headers(),
                method, path.value()).query(path.query()).forwardedBody(body)
                .pathVariables(policies.pathVariables(path.path(), method))
                .requestUrl(RequestUrl.of(() -> originalUrl(request, target))).build();
        EffectivePolicy policy = policies.policyFor(path.path(), method);
        Decision decision = policies.decide(context, policy);
        if (!(decision instanceof Decision.Granted granted)) {
            return PolicyResponse.refusal(decision, policy.name());
        }
        // The caller for the upstream, then what the policy adds to the client's answer (RateLimit).
        List<Map.Entry<String, String>> headers = IdentityHeaders.of(policy.name(), granted.user());
        headers.addAll(granted.headers().entrySet());
        return PolicyResponse.bodiless(grantStatus, headers);
    }

    /*
     * The URL the client called (a DPoP proof names it): the proxy's scheme and host, as it forwards
     * them, and the original target. Only allowed callers, the proxies, ever reach this.
     */
    private static @Nullable String originalUrl(EndpointRequest request, String target) {
        String scheme = first(request, "X-Forwarded-Proto");
        String host = first(request, "X-Forwarded-Host");
        return scheme == null || host == null || !target.startsWith("/") ? null : scheme + "://" + host + target;
    }

    private PolicyResponse reject(boolean kxEndpoint, GatewayRejection rejection) {
        Counter.builder(REJECTED).description("Gateway requests refused before any decision")
                .tag("reason", rejection.reason()).register(meters).increment();
        return kxEndpoint ? kx.error(rejection.status(), rejection.detail())
                : PolicyResponse.problem(rejection.status(), rejection.type(), rejection.title(),
                        rejection.detail(), null);
    }

    private boolean callerAllowed(String peer) {
        byte @Nullable [] address = IpAddresses.parse(peer);
        return address != null && settings.allowedCallers().matches(address);
    }

    /** A refusal found while reading the forwarded request. */
    private static final class RejectedRequest extends RuntimeException {

        private final GatewayRejection rejection;

        RejectedRequest(GatewayRejection rejection) {
            super(rejection.reason(), null, false, false);
            this.rejection = rejection;
        }
    }
}
