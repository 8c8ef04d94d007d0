package io.policyauth.network;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A fixed set of {@link Cidr} blocks, matched without allocating: networks and masks are
 * precomputed as an {@code int} per IPv4 block and two {@code long}s per IPv6 block, so a lookup is
 * one conversion of the address and a mask-and-compare per block of its family.
 */
public final class CidrSet {

    private static final CidrSet EMPTY = new CidrSet(List.of());

    private final List<Cidr> cidrs;
    private final int[] ipv4Networks;
    private final int[] ipv4Masks;
    private final long[] ipv6NetworksHigh;
    private final long[] ipv6NetworksLow;
    private final long[] ipv6MasksHigh;
    private final long[] ipv6MasksLow;

    private CidrSet(List<Cidr> cidrs) {
        this.cidrs = List.copyOf(cidrs);
        List<Cidr> ipv4 = this.cidrs.stream().filter(Cidr::isIpv4).toList();
        List<Cidr> ipv6 = this.cidrs.stream().filter(cidr -> !cidr.isIpv4()).toList();
        ipv4Networks = new int[ipv4.size()];
        ipv4Masks = new int[ipv4.size()];
        for (int i = 0; i < ipv4.size(); i++) {
            Cidr cidr = ipv4.get(i);
            ipv4Networks[i] = (int) bits(cidr.network(), 0, 4);
            ipv4Masks[i] = cidr.prefixLength() == 0 ? 0 : -1 << (32 - cidr.prefixLength());
        }
        ipv6NetworksHigh = new long[ipv6.size()];
        ipv6NetworksLow = new long[ipv6.size()];
        ipv6MasksHigh = new long[ipv6.size()];
        ipv6MasksLow = new long[ipv6.size()];
        for (int i = 0; i < ipv6.size(); i++) {
            Cidr cidr = ipv6.get(i);
            byte[] network = cidr.network();
            ipv6NetworksHigh[i] = bits(network, 0, 8);
            ipv6NetworksLow[i] = bits(network, 8, 8);
            ipv6MasksHigh[i] = mask(Math.min(cidr.prefixLength(), 64));
            ipv6MasksLow[i] = mask(Math.max(cidr.prefixLength() - 64, 0));
        }
    }

    /**
     * @return the set that matches nothing
     */
    public static CidrSet empty() {
        return EMPTY;
    }

    /**
     * @param cidrs the blocks
     * @return a set of them
     */
    public static CidrSet of(Collection<Cidr> cidrs) {
        return cidrs.isEmpty() ? EMPTY : new CidrSet(new ArrayList<>(cidrs));
    }

    /**
     * Parses each text with {@link Cidr#parse(String)}.
     *
     * @param cidrs CIDR texts
     * @return a set of them
     * @throws IllegalArgumentException on the first invalid CIDR, quoting it
     */
    public static CidrSet parse(Collection<String> cidrs) {
        return of(cidrs.stream().map(Cidr::parse).toList());
    }

    /**
     * @return the blocks, in the order given
     */
    public List<Cidr> cidrs() {
        return cidrs;
    }

    /**
     * @return whether the set holds no block
     */
    public boolean isEmpty() {
        return cidrs.isEmpty();
    }

    /**
     * Whether an address lies in any block. An IPv4-mapped IPv6 address matches as IPv4;
     * otherwise an address matches only blocks of its own family.
     *
     * @param address 4 or 16 bytes, as from {@link IpAddresses#parse(String)}; {@code null} matches nothing
     * @return {@code true} when some block contains the address
     */
    public boolean matches(byte @Nullable [] address) {
        if (address == null) {
            return false;
        }
        if (address.length == 4) {
            return matchesIpv4((int) bits(address, 0, 4));
        }
        if (address.length != 16) {
            return false;
        }
        if (IpAddresses.isIpv4Mapped(address)) {
            return matchesIpv4((int) bits(address, 12, 4));
        }
        long high = bits(address, 0, 8);
        long low = bits(address, 8, 8);
        for (int i = 0; i < ipv6NetworksHigh.length; i++) {
            if ((high & ipv6MasksHigh[i]) == ipv6NetworksHigh[i] && (low & ipv6MasksLow[i]) == ipv6NetworksLow[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return cidrs.toString();
    }

    private boolean matchesIpv4(int address) {
        for (int i = 0; i < ipv4Networks.length; i++) {
            if ((address & ipv4Masks[i]) == ipv4Networks[i]) {
                return true;
            }
        }
        return false;
    }

    private static long bits(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    private static long mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1L << (64 - prefixLength);
    }
}
