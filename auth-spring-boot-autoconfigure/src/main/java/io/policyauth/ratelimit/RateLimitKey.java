package io.policyauth.ratelimit;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.SecurityRequestContext;

/** What a rate limit counts by. An anonymous caller (a {@code public} endpoint) is counted by its address. */
public enum RateLimitKey {

    /** The caller: its mechanism and subject. */
    CALLER,
    /** The caller's tenant; a caller without one is counted alone. */
    TENANT,
    /** The API key (its id); a caller without one is counted by itself. */
    API_KEY,
    /** The client address, resolved behind the trusted proxies. */
    CLIENT_ADDRESS;

    /**
     * @param user the caller the policy admitted
     * @param context the request
     * @param addresses resolves the client address behind trusted proxies
     * @return the bucket the request counts in, within its limit
     */
    String of(AuthenticatedUser user, SecurityRequestContext context, ClientAddressSource addresses) {
        if (this == CLIENT_ADDRESS || user.isAnonymous()) {
            String address = addresses.clientAddress(context);
            return "address:" + (address == null ? context.remoteAddress() : address);
        }
        return switch (this) {
            case TENANT -> user.tenant() != null ? "tenant:" + user.tenant() : caller(user);
            case API_KEY -> isApiKey(user) && user.tokenId() != null ? "key:" + user.tokenId() : caller(user);
            default -> caller(user);
        };
    }

    private static String caller(AuthenticatedUser user) {
        return "caller:" + user.mechanism() + ":" + user.subject();
    }

    private static boolean isApiKey(AuthenticatedUser user) {
        return user.mechanism().endsWith("api_key");
    }
}
