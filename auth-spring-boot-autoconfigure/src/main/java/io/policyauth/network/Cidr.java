package io.policyauth.network;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code fd00::/8}.
 * <p>
 * Host bits beyond the prefix are rejected ({@code 10.0.0.1/8} fails): such a value is usually a
 * typo for either {@code 10.0.0.0/8} or {@code 10.0.0.1/32}, and guessing which one could open a
 * block far wider than intended. An IPv4-mapped block ({@code ::ffff:10.0.0.0/104}) is the IPv4
 * block it maps ({@code 10.0.0.0/8}), since mapped client addresses are matched as IPv4.
 *
 * @param network the first address of the block, 4 or 16 bytes, with no host bits set
 * @param prefixLength the number of leading bits that every member shares: 0-32 or 0-128
 */
public record Cidr(byte[] network, int prefixLength) {

    public Cidr {
        if (network == null || (network.length != 4 && network.length != 16)) {
            throw new IllegalArgumentException("A CIDR network address has 4 or 16 bytes");
        }
        int maxPrefixLength = network.length * 8;
        if (prefixLength < 0 || prefixLength > maxPrefixLength) {
            throw new IllegalArgumentException("A CIDR prefix length is 0-" + maxPrefixLength + ", not " + prefixLength);
        }
        network = network.clone();
        if (!hostBitsClear(network, prefixLength)) {
            throw new IllegalArgumentException("The address " + IpAddresses.format(network)
                    + " has bits set beyond the /" + prefixLength + " prefix");
        }
    }

    /**
     * Parses {@code address/prefix-length}, or a bare address meaning a single host (/32 or /128).
     * Surrounding white space is ignored; host names are rejected, never resolved.
     *
     * @param text the CIDR
     * @return the block
     * @throws IllegalArgumentException when the text is not a valid CIDR; the message quotes it
     */
    public static Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Invalid CIDR: null");
        }
        String value = text.strip();
        int slash = value.indexOf('/');
        int addressEnd = slash < 0 ? value.length() : slash;
        byte[] address = IpAddresses.parseExact(value, 0, addressEnd);
        if (address == null) {
            throw invalid(text, "'" + value.substring(0, addressEnd)
                    + "' is not an IPv4 or IPv6 address literal (host names are not resolved)");
        }
        int maxPrefixLength = address.length * 8;
        int prefixLength = slash < 0 ? maxPrefixLength : prefixLength(value.substring(slash + 1), maxPrefixLength);
        if (prefixLength < 0) {
            throw invalid(text, "the prefix length must be a decimal number 0-" + maxPrefixLength);
        }
        if (IpAddresses.isIpv4Mapped(address)) {
            if (prefixLength < 96) {
                throw invalid(text, "an IPv4-mapped block needs a prefix length of 96 or more");
            }
            address = Arrays.copyOfRange(address, 12, 16);
            prefixLength -= 96;
        }
        if (!hostBitsClear(address, prefixLength)) {
            Cidr intended = new Cidr(clearHostBits(address, prefixLength), prefixLength);
            throw invalid(text, "the address has bits set beyond the /" + prefixLength + " prefix; did you mean "
                    + intended + " or a /" + maxPrefixLength + " host address?");
        }
        return new Cidr(address, prefixLength);
    }

    /**
     * @return a copy of the first address of the block
     */
    @Override
    public byte[] network() {
        return network.clone();
    }

    /**
     * @return whether this is an IPv4 block
     */
    public boolean isIpv4() {
        return network.length == 4;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && prefixLength == cidr.prefixLength && Arrays.equals(network, cidr.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /**
     * @return the canonical form, for example {@code 10.0.0.0/8} or {@code 2001:db8::/32}
     */
    @Override
    public String toString() {
        return IpAddresses.format(network) + "/" + prefixLength;
    }

    private static int prefixLength(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    private static boolean hostBitsClear(byte[] address, int prefixLength) {
        return Arrays.equals(address, clearHostBits(address, prefixLength));
    }

    private static byte[] clearHostBits(byte[] address, int prefixLength) {
        byte[] network = address.clone();
        for (int bit = prefixLength; bit < network.length * 8; bit++) {
            network[bit >>> 3] &= (byte) ~(0x80 >>> (bit & 7));
        }
        return network;
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("Invalid CIDR '" + text + "': " + reason);
    }
}
