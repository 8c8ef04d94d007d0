package io.policyauth.network;

import java.util.Optional;

/** Address literals for tests, parsed as the resolver parses header values. */
final class Addresses {

    private Addresses() {
    }

    static Optional<byte[]> parse(String literal) {
        return Optional.ofNullable(IpAddresses.parse(literal, 0, literal.length()));
    }
}
