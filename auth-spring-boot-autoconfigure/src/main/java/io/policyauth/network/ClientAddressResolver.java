package io.policyauth.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.policyauth.core.SecurityRequestContext;

/**
 * Finds the client address of a request. The socket peer is the client unless it is a trusted
 * proxy; then the proxy headers are read, and only then, because anyone can send them.
 * <p>
 * The hops of a proxy header (every header line, in order, each a comma-separated list) are walked
 * from the right, the end nearest to us: each trusted proxy vouches for the hop to its left, so
 * the first untrusted hop is the client; anything further left was written by the client and may
 * be spoofed. When every hop is trusted, the leftmost is the client.
 * <p>
 * {@code Forwarded} (RFC 7239) is preferred over {@code X-Forwarded-For} when both are present: it
 * is the standard, and a proxy that writes it is more likely to overwrite a forged one. Only one
 * of them is read, since proxies that write both would otherwise count every hop twice.
 * <p>
 * A hop that is not an address (malformed, empty, {@code unknown}, an obfuscated {@code _name}, a
 * {@code Forwarded} element without {@code for=}) ends the walk with no client address: whoever it
 * stands for cannot be checked, so it is denied. Hops left of the client are never read, so
 * garbage a client sends ahead of its own address does no harm.
 */
public final class ClientAddressResolver {

    /** The RFC 7239 header. */
    public static final String FORWARDED = "Forwarded";

    /** The de-facto standard header: a comma-separated list of addresses, client first. */
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final CidrSet trustedProxies;

    /**
     * @param trustedProxies the proxies whose headers are believed; when empty, the socket peer is
     *        always the client
     */
    public ClientAddressResolver(CidrSet trustedProxies) {
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /**
     * @return the proxies whose headers are believed
     */
    public CidrSet trustedProxies() {
        return trustedProxies;
    }

    /**
     * Resolves the client address.
     *
     * @param context the request
     * @return the client address (4 or 16 bytes, IPv4-mapped as IPv4) in a fresh array; empty when
     *         the peer or a hop that must be read is not a valid address
     */
    public Optional<byte[]> resolve(SecurityRequestContext context) {
        String remoteAddress = context.remoteAddress();
        byte[] peer = IpAddresses.parse(remoteAddress, 0, remoteAddress.length());
        if (peer == null || !trustedProxies.matches(peer)) {
            return Optional.ofNullable(peer);
        }
        List<String> forwarded = context.headers().values(FORWARDED);
        if (!forwarded.isEmpty()) {
            return Optional.ofNullable(walkForwarded(forwarded, peer));
        }
        List<String> forwardedFor = context.headers().values(X_FORWARDED_FOR);
        if (!forwardedFor.isEmpty()) {
            return Optional.ofNullable(walkForwardedFor(forwardedFor, peer));
        }
        return Optional.of(peer);
    }

    private byte[] walkForwarded(List<String> lines, byte[] peer) {
        byte[] leftmost = peer;
        for (int line = lines.size() - 1; line >= 0; line--) {
            String value = lines.get(line);
            int[] spans = ForwardedSyntax.forValues(value);
            if (spans == null) {
                return null;
            }
            for (int i = spans.length - 2; i >= 0; i -= 2) {
                byte[] hop = spans[i] == ForwardedSyntax.NO_VALUE ? null
                        : ForwardedSyntax.parseNode(value, spans[i], spans[i + 1]);
                if (hop == null || !trustedProxies.matches(hop)) {
                    return hop;
                }
                leftmost = hop;
            }
        }
        return leftmost;
    }

    private byte[] walkForwardedFor(List<String> lines, byte[] peer) {
        byte[] leftmost = peer;
        for (int line = lines.size() - 1; line >= 0; line--) {
            String value = lines.get(line);
            int end = value.length();
            while (true) {
                int comma = value.lastIndexOf(',', end - 1);
                int start = ForwardedSyntax.skipWhitespace(value, comma + 1);
                int trimmedEnd = end;
                while (trimmedEnd > start && ForwardedSyntax.isWhitespace(value.charAt(trimmedEnd - 1))) {
                    trimmedEnd--;
                }
                byte[] hop = ForwardedSyntax.parseNode(value, start, trimmedEnd);
                if (hop == null || !trustedProxies.matches(hop)) {
                    return hop;
                }
                leftmost = hop;
                if (comma < 0) {
                    break;
                }
                end = comma;
            }
        }
        return leftmost;
    }
}
