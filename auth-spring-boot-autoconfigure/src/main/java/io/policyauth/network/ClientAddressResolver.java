package io.policyauth.network;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.policyauth.core.ClientAddressSource;
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
 * Only the header that the proxies write ({@link ForwardedHeader}) is read; the other is ignored
 * whatever it says, since proxies pass it through from the client untouched.
 * <p>
 * A hop that is not an address (malformed, empty, {@code unknown}, an obfuscated {@code _name}, a
 * {@code Forwarded} element without {@code for=}) ends the walk with no client address: whoever it
 * stands for cannot be checked, so it is denied. Hops left of the client are never read, so
 * garbage a client sends ahead of its own address does no harm.
 */
public final class ClientAddressResolver implements ClientAddressSource {

    private final CidrSet trustedProxies;
    private final ForwardedHeader header;

    /**
     * A resolver that reads {@code X-Forwarded-For}.
     *
     * @param trustedProxies the proxies whose headers are believed; when empty, the socket peer is
     *        always the client
     */
    public ClientAddressResolver(CidrSet trustedProxies) {
        this(trustedProxies, ForwardedHeader.X_FORWARDED_FOR);
    }

    /**
     * @param trustedProxies the proxies whose headers are believed; when empty, the socket peer is
     *        always the client
     * @param header the header the trusted proxies write
     */
    public ClientAddressResolver(CidrSet trustedProxies, ForwardedHeader header) {
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
        this.header = Objects.requireNonNull(header, "header");
    }

    @Override
    public String clientAddress(SecurityRequestContext context) {
        return resolve(context).map(IpAddresses::format).orElse(null);
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
        List<String> lines = context.headers().values(header.headerName());
        if (lines.isEmpty()) {
            return Optional.of(peer);
        }
        return Optional.ofNullable(header == ForwardedHeader.FORWARDED ? walkForwarded(lines, peer)
                : walkForwardedFor(lines, peer));
    }

    private byte @Nullable [] walkForwarded(List<String> lines, byte[] peer) {
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

    private byte @Nullable [] walkForwardedFor(List<String> lines, byte[] peer) {
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
