package io.policyauth.network;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTests {

    @Test
    void ipv4BlockMatchesItsMembersOnly() {
        Cidr cidr = Cidr.parse("192.168.1.0/24");
        assertThat(matches(cidr, address("192.168.1.0"))).isTrue();
        assertThat(matches(cidr, address("192.168.1.255"))).isTrue();
        assertThat(matches(cidr, address("192.168.2.1"))).isFalse();
        assertThat(matches(cidr, address("192.168.0.255"))).isFalse();
    }

    @Test
    void prefixNotOnAByteBoundary() {
        Cidr cidr = Cidr.parse("172.16.0.0/12");
        assertThat(matches(cidr, address("172.31.255.255"))).isTrue();
        assertThat(matches(cidr, address("172.32.0.0"))).isFalse();
        assertThat(matches(cidr, address("172.15.255.255"))).isFalse();
    }

    @Test
    void slash32AndBareIpv4AddressMatchOneHost() {
        assertThat(Cidr.parse("10.1.2.3")).isEqualTo(Cidr.parse("10.1.2.3/32"));
        Cidr host = Cidr.parse("10.1.2.3/32");
        assertThat(matches(host, address("10.1.2.3"))).isTrue();
        assertThat(matches(host, address("10.1.2.2"))).isFalse();
        assertThat(matches(host, address("10.1.2.4"))).isFalse();
    }

    @Test
    void slash0MatchesEveryAddressOfItsFamilyOnly() {
        Cidr allIpv4 = Cidr.parse("0.0.0.0/0");
        assertThat(matches(allIpv4, address("0.0.0.0"))).isTrue();
        assertThat(matches(allIpv4, address("255.255.255.255"))).isTrue();
        assertThat(matches(allIpv4, address("::1"))).isFalse();
        Cidr allIpv6 = Cidr.parse("::/0");
        assertThat(matches(allIpv6, address("2001:db8::1"))).isTrue();
        assertThat(matches(allIpv6, address("10.0.0.1"))).isFalse();
    }

    @Test
    void ipv6Blocks() {
        Cidr cidr = Cidr.parse("2001:db8::/32");
        assertThat(matches(cidr, address("2001:db8:ffff::1"))).isTrue();
        assertThat(matches(cidr, address("2001:db9::1"))).isFalse();
        Cidr odd = Cidr.parse("fc00::/7");
        assertThat(matches(odd, address("fc00::1"))).isTrue();
        assertThat(matches(odd, address("fdff::1"))).isTrue();
        assertThat(matches(odd, address("fe00::1"))).isFalse();
    }

    @Test
    void slash128AndBareIpv6AddressMatchOneHost() {
        assertThat(Cidr.parse("::1")).isEqualTo(Cidr.parse("::1/128"));
        Cidr loopback = Cidr.parse("::1/128");
        assertThat(matches(loopback, address("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(matches(loopback, address("::2"))).isFalse();
        assertThat(matches(loopback, address("::"))).isFalse();
    }

    @Test
    void ipv4MappedAddressMatchesIpv4Block() {
        Cidr cidr = Cidr.parse("10.0.0.0/8");
        assertThat(matches(cidr, address("::ffff:10.20.30.40"))).isTrue();
        assertThat(matches(cidr, unmappedBytes("::ffff:10.20.30.40"))).isTrue();
        assertThat(matches(cidr, unmappedBytes("::ffff:11.20.30.40"))).isFalse();
    }

    @Test
    void ipv6AddressNeverMatchesIpv4Block() {
        Cidr cidr = Cidr.parse("0.0.0.0/0");
        assertThat(matches(cidr, address("::a00:1"))).isFalse(); // IPv4-compatible, not mapped
        assertThat(matches(cidr, address("::1"))).isFalse();
        assertThat(matches(cidr, address("64:ff9b::10.0.0.1"))).isFalse();
    }

    @Test
    void ipv4MappedBlockIsTheIpv4Block() {
        assertThat(Cidr.parse("::ffff:10.0.0.0/104")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("::ffff:10.0.0.1")).isEqualTo(Cidr.parse("10.0.0.1/32"));
        assertThat(Cidr.parse("::ffff:0.0.0.0/96")).isEqualTo(Cidr.parse("0.0.0.0/0"));
    }

    @Test
    void matchesNothingForNullOrOddLengths() {
        Cidr cidr = Cidr.parse("0.0.0.0/0");
        assertThat(matches(cidr, null)).isFalse();
        assertThat(matches(cidr, new byte[5])).isFalse();
    }

    @Test
    void surroundingWhiteSpaceIsIgnored() {
        assertThat(Cidr.parse(" 10.0.0.0/8\t")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    }

    @Test
    void valueSemanticsAndCanonicalText() {
        Cidr cidr = Cidr.parse("2001:DB8:0:0::/64");
        assertThat(cidr).isEqualTo(Cidr.parse("2001:db8::/64")).hasSameHashCodeAs(Cidr.parse("2001:db8::/64"));
        assertThat(cidr).isNotEqualTo(Cidr.parse("2001:db8::/65"));
        assertThat(cidr.toString()).isEqualTo("2001:db8::/64");
        assertThat(cidr.prefixLength()).isEqualTo(64);
        assertThat(cidr.isIpv4()).isFalse();
    }

    @Test
    void networkIsDefensivelyCopied() {
        byte[] network = { 10, 0, 0, 0 };
        Cidr cidr = new Cidr(network, 8);
        network[0] = 11;
        cidr.network()[0] = 12;
        assertThat(matches(cidr, address("10.1.1.1"))).isTrue();
        assertThat(cidr.toString()).isEqualTo("10.0.0.0/8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/33         | the prefix length must be a decimal number 0-32",
            "::/129              | the prefix length must be a decimal number 0-128",
            "10.0.0.0/-1         | the prefix length",
            "10.0.0.0/+8         | the prefix length",
            "10.0.0.0/08         | the prefix length",
            "10.0.0.0/           | the prefix length",
            "10.0.0.0/8/8        | the prefix length",
            "10.0.0.0/ 8         | the prefix length",
            "1.2.3               | is not an IPv4 or IPv6 address literal",
            "256.1.1.1/8         | is not an IPv4 or IPv6 address literal",
            "localhost           | is not an IPv4 or IPv6 address literal (host names are not resolved)",
            "example.com/8       | is not an IPv4 or IPv6 address literal (host names are not resolved)",
            "cidr-test.invalid/8 | is not an IPv4 or IPv6 address literal (host names are not resolved)",
            "::1%eth0/128        | is not an IPv4 or IPv6 address literal",
            "[::1]/128           | is not an IPv4 or IPv6 address literal",
            "/8                  | is not an IPv4 or IPv6 address literal",
            "10.0.0.1/8          | bits set beyond the /8 prefix; did you mean 10.0.0.0/8 or a /32 host address?",
            "2001:db8::1/32      | did you mean 2001:db8::/32",
            "fd00::/7            | did you mean fc00::/7",
            "::ffff:10.0.0.0/95  | an IPv4-mapped block needs a prefix length of 96 or more" })
    void rejectsInvalidCidrQuotingTheValue(String text, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(text))
                .withMessageStartingWith("Invalid CIDR '" + text + "': ")
                .withMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " " })
    void rejectsEmpty(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(text))
                .withMessage("Invalid CIDR '" + text + "': '' is not an IPv4 or IPv6 address literal (host names are not resolved)");
    }

    @Test
    void rejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(null)).withMessage("Invalid CIDR: null");
    }

    @Test
    void constructorValidates() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Cidr(new byte[] { 10, 0, 0, 1 }, 8))
                .withMessageContaining("10.0.0.1 has bits set beyond the /8 prefix");
        assertThatIllegalArgumentException().isThrownBy(() -> new Cidr(new byte[4], 33));
        assertThatIllegalArgumentException().isThrownBy(() -> new Cidr(new byte[5], 8));
        assertThatIllegalArgumentException().isThrownBy(() -> new Cidr(null, 8));
    }

    private static byte[] address(String literal) {
        return Addresses.parse(literal).orElseThrow();
    }

    // Blocks are matched as a CidrSet, the one matcher the policy uses.
    private static boolean matches(Cidr cidr, byte[] address) {
        return CidrSet.of(List.of(cidr)).matches(address);
    }

    /** The 16 bytes of an IPv4-mapped address, as a caller that did not normalize would pass them. */
    private static byte[] unmappedBytes(String literal) {
        byte[] bytes = IpAddresses.parseExact(literal, 0, literal.length());
        assertThat(bytes).hasSize(16);
        return bytes;
    }
}
