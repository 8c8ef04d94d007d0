package io.policyauth.gateway;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import io.policyauth.core.AuthException;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.network.IpAddresses;
import io.policyauth.web.ProblemResponseWriter;
import io.policyauth.web.ServletRequestContexts;

/**
 * The gateway's authorization endpoints under {@code policy-auth.gateway.path}, answered before
 * Spring MVC: {@code /nginx} for nginx {@code auth_request}, {@code /envoy/**} for Envoy's HTTP
 * {@code ext_authz}, {@code /kx} for a KX Service Gateway. Only callers inside
 * {@code allowed-callers} are answered (others get 403 and nothing is decided), and an original
 * path that could be read two ways gets 400; both are counted as {@value #REJECTED}.
 */
public final class GatewayFilter extends OncePerRequestFilter {

    /** The counter of requests refused before any decision, tagged {@code reason}. */
    public static final String REJECTED = "policyauth.gateway.rejected";

    private static final Logger logger = LoggerFactory.getLogger(GatewayFilter.class);
    private static final String ENVOY = "/envoy";

    private final GatewaySettings settings;
    private final GatewayDecisions decisions;
    private final KxAuthorizer kx;
    private final ProblemResponseWriter problems;
    private final MeterRegistry meters;

    /**
     * @param settings paths, headers and callers
     * @param decisions decides forwarded requests
     * @param apiKeyHeader the header the key policies read, where a KX password is put
     * @param problems writes denials as the web layer does
     * @param meters where rejections are counted
     */
    public GatewayFilter(GatewaySettings settings, GatewayDecisions decisions, String apiKeyHeader,
            ProblemResponseWriter problems, MeterRegistry meters) {
        this.settings = settings;
        this.decisions = decisions;
        this.kx = new KxAuthorizer(decisions, apiKeyHeader, settings.kxMaxRequestBytes(),
                settings.rejectAmbiguousPaths());
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !endpointPath(request).startsWith(settings.path() + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        String endpoint = endpointPath(request).substring(settings.path().length());
        boolean kxEndpoint = "/kx".equals(endpoint);
        try {
            if (!callerAllowed(request.getRemoteAddr())) {
                reject(response, kxEndpoint, GatewayRejection.callerNotAllowed());
                return;
            }
            if ("/nginx".equals(endpoint)) {
                answer(response, nginx(request), 204);
            }
            else if (endpoint.equals(ENVOY) || endpoint.startsWith(ENVOY + "/")) {
                String original = endpoint.length() == ENVOY.length() ? "/" : endpoint.substring(ENVOY.length());
                String query = request.getQueryString();
                answer(response, decide(request, request.getMethod(), query == null ? original
                        : original + "?" + query), 200);
            }
            else if (kxEndpoint) {
                answerKx(request, response);
            }
            else {
                problems.writeBody(response, 404, "not-found", "No such authorization endpoint",
                        "Use " + settings.path() + "/nginx, " + settings.path() + "/envoy/** or " + settings.path()
                                + "/kx.", null);
            }
        }
        catch (AmbiguousPathException ambiguous) {
            reject(response, kxEndpoint, GatewayRejection.ambiguous(ambiguous));
        }
        catch (RejectedRequest rejected) {
            reject(response, kxEndpoint, rejected.rejection);
        }
        catch (RuntimeException failure) {
            logger.error("The gateway decision failed unexpectedly; the request is denied", failure);
            if (kxEndpoint) {
                kx.writeError(response, 500, "the request could not be authorized");
            }
            else {
                problems.writeError(response, "gateway");
            }
        }
    }

    private GatewayDecision nginx(HttpServletRequest request) {
        String method = request.getHeader(settings.originalMethodHeader());
        String uri = request.getHeader(settings.originalUriHeader());
        if (method == null || uri == null || method.isEmpty() || !method.chars().allMatch(Character::isLetter)) {
            throw new RejectedRequest(GatewayRejection.unreadable("missing_original_request", "Send the original "
                    + "method and URI in " + settings.originalMethodHeader() + " and " + settings.originalUriHeader()
                    + "."));
        }
        return decide(request, method, uri);
    }

    private GatewayDecision decide(HttpServletRequest request, String method, String target) {
        OriginalPath path = OriginalPath.parse(target, settings.rejectAmbiguousPaths());
        SecurityRequestContext context = new SecurityRequestContext(request.getRemoteAddr(),
                ServletRequestContexts.headers(request), method, path.value(), path.query());
        return decisions.decide(context, path.path());
    }

    private void answer(HttpServletResponse response, GatewayDecision decision, int grantStatus) throws IOException {
        AuthException denial = decision.denial();
        if (denial != null) {
            problems.write(response, denial, decision.policy());
            return;
        }
        response.setStatus(grantStatus);
        response.setHeader("Cache-Control", "no-store");
        IdentityHeaders.write(response, decision);
    }

    private void answerKx(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GatewayDecision decision = kx.decide(request, response);
        if (decision == null) {
            return;
        }
        AuthException denial = decision.denial();
        if (denial != null) {
            kx.writeDenial(response, denial);
        }
        else {
            IdentityHeaders.write(response, decision);
            kx.writeGrant(response, decision);
        }
    }

    private void reject(HttpServletResponse response, boolean kxEndpoint, GatewayRejection rejection)
            throws IOException {
        Counter.builder(REJECTED).description("Gateway requests refused before any decision")
                .tag("reason", rejection.reason()).register(meters).increment();
        if (kxEndpoint) {
            kx.writeError(response, rejection.status(), rejection.detail());
        }
        else {
            problems.writeBody(response, rejection.status(), rejection.type(), rejection.title(), rejection.detail(),
                    null);
        }
    }

    private boolean callerAllowed(String peer) {
        byte @Nullable [] address = IpAddresses.parse(peer);
        return address != null && settings.allowedCallers().matches(address);
    }

    /* The raw path within the application: gateways send raw paths, and they are checked raw. */
    private static String endpointPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return contextPath.isEmpty() || !uri.startsWith(contextPath) ? uri : uri.substring(contextPath.length());
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
