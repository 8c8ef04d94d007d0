package io.policyauth.network;

import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.policyauth.cache.SampledReads;
import io.policyauth.core.AddressRanges;

/** {@link AddressRanges} parsed as {@link CidrSet}s, each list of ranges once (a bounded cache). */
public final class CidrAddressRanges implements AddressRanges {

    private static final int MAXIMUM_PARSED = 10_000;

    private final SampledReads<List<String>, CidrSet> parsed = new SampledReads<>(Caffeine.newBuilder()
            .maximumSize(MAXIMUM_PARSED).executor(Runnable::run).build());

    @Override
    public void check(List<String> cidrs) {
        CidrSet.parse(cidrs);
    }

    @Override
    public boolean contains(List<String> cidrs, String address) {
        return parsed.get(cidrs, CidrSet::parse).matches(IpAddresses.parse(address));
    }
}
