package io.policyauth.web.reactive;

import org.springframework.web.server.ServerWebExchange;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.PolicyAuthAttributes;

/** The caller of a reactive request, for filters and services that have the exchange. */
public final class PolicyAuthExchange {

    private PolicyAuthExchange() {
    }

    /**
     * @param exchange a request that policy-auth decided
     * @return its caller
     * @throws IllegalStateException when no policy decided the request (an exempt endpoint)
     */
    public static AuthenticatedUser user(ServerWebExchange exchange) {
        AuthenticatedUser user = exchange.getAttribute(PolicyAuthAttributes.USER);
        if (user == null) {
            throw new IllegalStateException("No policy decided this request, so it has no AuthenticatedUser");
        }
        return user;
    }
}
