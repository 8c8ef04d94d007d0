package io.policyauth.core;

import java.util.List;

/**
 * Whether a client address lies in ranges given as data (a key's allowed CIDRs), for mechanisms that
 * hold such ranges but do not parse addresses themselves.
 */
public interface AddressRanges {

    /**
     * @param cidrs ranges such as {@code 203.0.113.0/24} or {@code 2001:db8::/32}
     * @throws IllegalArgumentException naming the first range that does not parse
     */
    void check(List<String> cidrs);

    /**
     * @param cidrs ranges, as {@link #check} accepts them
     * @param address a client address literal
     * @return whether the address lies in one of the ranges; {@code false} for an address that is not a literal
     */
    boolean contains(List<String> cidrs, String address);
}
