package io.policyauth.network;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.RequestUrlSource;
import io.policyauth.core.SecurityRequestContext;

/**
 * The URL a client sent its request to, with the scheme and host a trusted proxy forwards in
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port}; from any other
 * peer those headers are the client's own words and the URL is the one the server received.
 */
public final class ForwardedRequestUrls implements RequestUrlSource {

    private final CidrSet trustedProxies;

    /**
     * @param trustedProxies the peers whose forwarding headers are believed
     */
    public ForwardedRequestUrls(CidrSet trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public @Nullable URI url(SecurityRequestContext context) {
        URI received = context.requestUrl().uri();
        if (!trustedProxies.matches(IpAddresses.parse(context.remoteAddress()))) {
            return received;
        }
        String proto = first(context, "X-Forwarded-Proto");
        String host = first(context, "X-Forwarded-Host");
        String port = first(context, "X-Forwarded-Port");
        if (proto == null && host == null && port == null) {
            return received;
        }
        String scheme = proto != null ? proto.toLowerCase(Locale.ROOT) : received != null ? received.getScheme() : null;
        String authority = host != null ? host : received != null ? received.getRawAuthority() : null;
        if (scheme == null || authority == null) {
            return null;
        }
        if (port != null) {
            authority = withoutPort(authority) + ":" + port;
        }
        return RequestUrlSource.at(scheme + "://" + authority, context);
    }

    /* A proxy chain appends: the first value is what the client sent to the outermost proxy. */
    private static @Nullable String first(SecurityRequestContext context, String header) {
        List<String> values = context.headers().values(header);
        if (values.isEmpty()) {
            return null;
        }
        String first = values.get(0);
        int comma = first.indexOf(',');
        String value = (comma < 0 ? first : first.substring(0, comma)).trim();
        return value.isEmpty() ? null : value;
    }

    private static String withoutPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority;
    }
}
