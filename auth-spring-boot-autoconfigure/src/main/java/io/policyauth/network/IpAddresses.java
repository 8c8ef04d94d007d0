package io.policyauth.network;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * IP address literals to bytes and back, without a resolver: a host name is never looked up, it is
 * simply not a literal. Accepted are an IPv4 dotted quad (exactly four decimal parts 0-255, no
 * leading zeros, since {@code 010} means 8 to some parsers and 10 to others) and an IPv6 literal
 * (RFC 4291 text form with {@code ::} and an embedded IPv4 tail; no zone id, no brackets).
 * <p>
 * An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) parses to the four bytes of {@code a.b.c.d}:
 * dual-stack sockets report IPv4 clients that way, and they must match IPv4 CIDRs.
 */
public final class IpAddresses {

    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;
    private static final int IPV6_GROUPS = 8;

    private IpAddresses() {
    }

    /**
     * The canonical text of an address: dotted quad for IPv4 (and IPv4-mapped IPv6), RFC 5952 for
     * IPv6 (lower case, no leading zeros, the longest run of zero groups shortened to {@code ::}).
     *
     * @param address 4 or 16 bytes
     * @return the literal
     * @throws IllegalArgumentException when the array is not 4 or 16 bytes long
     */
    public static String format(byte[] address) {
        if (address.length == IPV4_BYTES) {
            return formatIpv4(address, 0);
        }
        if (address.length != IPV6_BYTES) {
            throw new IllegalArgumentException("An IP address has 4 or 16 bytes, not " + address.length);
        }
        if (isIpv4Mapped(address)) {
            return formatIpv4(address, IPV6_BYTES - IPV4_BYTES);
        }
        return formatIpv6(address);
    }

    /**
     * The socket peer's address as both web fronts report it: the zone id of a scoped IPv6 address
     * ({@code fe80::1%eth0}) removed, since CIDRs and audit records know no zones.
     *
     * @param hostAddress the address as the server gives it
     * @return the literal without a zone id
     */
    public static String peer(String hostAddress) {
        int zone = hostAddress.indexOf('%');
        return zone < 0 ? hostAddress : hostAddress.substring(0, zone);
    }

    /**
     * @param literal an IPv4 or IPv6 address literal, as {@link #peer} gives a socket peer
     * @return its bytes, an IPv4-mapped address as its 4 IPv4 bytes; {@code null} when it is not a
     *         literal
     */
    public static byte @Nullable [] parse(String literal) {
        return parse(literal, 0, literal.length());
    }

    /**
     * Parses {@code text[from, to)} as a literal, normalizing IPv4-mapped addresses to 4 bytes.
     *
     * @return the bytes, or {@code null} when not a valid literal
     */
    static byte @Nullable [] parse(CharSequence text, int from, int to) {
        byte[] address = parseExact(text, from, to);
        if (address != null && isIpv4Mapped(address)) {
            return Arrays.copyOfRange(address, IPV6_BYTES - IPV4_BYTES, IPV6_BYTES);
        }
        return address;
    }

    /**
     * Parses {@code text[from, to)} as a literal, keeping the family it was written in.
     *
     * @return 4 or 16 bytes, or {@code null} when not a valid literal
     */
    static byte @Nullable [] parseExact(CharSequence text, int from, int to) {
        if (from >= to) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') {
                return parseIpv6(text, from, to);
            }
        }
        byte[] address = new byte[IPV4_BYTES];
        return parseIpv4(text, from, to, address, 0) ? address : null;
    }

    /**
     * Whether 16 bytes hold an IPv4-mapped address ({@code ::ffff:0:0/96}).
     */
    static boolean isIpv4Mapped(byte[] address) {
        if (address.length != IPV6_BYTES) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static boolean parseIpv4(CharSequence text, int from, int to, byte[] out, int offset) {
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return false; // a leading zero
                }
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
                digits++;
            }
            else if (c == '.' && digits > 0 && part < IPV4_BYTES - 1) {
                out[offset + part++] = (byte) value;
                value = 0;
                digits = 0;
            }
            else {
                return false;
            }
        }
        if (digits == 0 || part != IPV4_BYTES - 1) {
            return false;
        }
        out[offset + part] = (byte) value;
        return true;
    }

    private static byte @Nullable [] parseIpv6(CharSequence text, int from, int to) {
        byte[] out = new byte[IPV6_BYTES];
        int groups = 0;
        int gap = -1; // the group index where "::" stands
        int i = from;
        if (text.charAt(i) == ':') {
            if (to - i < 2 || text.charAt(i + 1) != ':') {
                return null;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && i - start <= 4) {
                int digit = hexDigit(text.charAt(i));
                if (digit < 0) {
                    break;
                }
                value = (value << 4) | digit;
                i++;
            }
            if (i < to && text.charAt(i) == '.') {
                // An embedded IPv4 address takes the last two groups and ends the literal.
                if (groups > IPV6_GROUPS - 2 || !parseIpv4(text, start, to, out, groups * 2)) {
                    return null;
                }
                groups += 2;
                break;
            }
            int length = i - start;
            if (length == 0 || length > 4 || groups == IPV6_GROUPS) {
                return null;
            }
            out[groups * 2] = (byte) (value >>> 8);
            out[groups * 2 + 1] = (byte) value;
            groups++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':' || ++i == to) {
                return null; // a stray character, or a single trailing colon
            }
            if (text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null; // a second "::"
                }
                gap = groups;
                i++;
            }
        }
        if (gap < 0) {
            return groups == IPV6_GROUPS ? out : null;
        }
        if (groups == IPV6_GROUPS) {
            return null; // "::" must stand for at least one group
        }
        int tailBytes = (groups - gap) * 2;
        System.arraycopy(out, gap * 2, out, IPV6_BYTES - tailBytes, tailBytes);
        Arrays.fill(out, gap * 2, IPV6_BYTES - tailBytes, (byte) 0);
        return out;
    }

    /** Only ASCII hex digits: {@link Character#digit} would also take other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String formatIpv4(byte[] address, int offset) {
        return new StringBuilder(15).append(address[offset] & 0xff).append('.').append(address[offset + 1] & 0xff)
                .append('.').append(address[offset + 2] & 0xff).append('.').append(address[offset + 3] & 0xff)
                .toString();
    }

    private static String formatIpv6(byte[] address) {
        int bestStart = -1;
        int bestLength = 1; // RFC 5952: a single zero group is not shortened
        int runStart = -1;
        for (int group = 0; group < IPV6_GROUPS; group++) {
            if (group(address, group) != 0) {
                runStart = -1;
                continue;
            }
            if (runStart < 0) {
                runStart = group;
            }
            if (group - runStart + 1 > bestLength) {
                bestStart = runStart;
                bestLength = group - runStart + 1;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int group = 0; group < IPV6_GROUPS; group++) {
            if (group == bestStart) {
                text.append("::");
                group += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(group(address, group)));
        }
        return text.toString();
    }

    private static int group(byte[] address, int group) {
        return ((address[group * 2] & 0xff) << 8) | (address[group * 2 + 1] & 0xff);
    }
}
