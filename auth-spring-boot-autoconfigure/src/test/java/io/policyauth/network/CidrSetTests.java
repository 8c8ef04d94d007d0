package io.policyauth.network;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrSetTests {

    private final CidrSet set = CidrSet.parse(List.of("10.0.0.0/8", "192.168.1.7", "172.16.0.0/12", "fd00::/8", "::1"));

    @ParameterizedTest
    @ValueSource(strings = { "10.0.0.0", "10.255.255.255", "192.168.1.7", "172.20.1.1", "fd12::1", "::1",
            "::ffff:10.9.9.9", "::ffff:192.168.1.7" })
    void matchesMembersOfAnyBlock(String address) {
        assertThat(set.matches(Addresses.parse(address).orElseThrow())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "11.0.0.0", "192.168.1.8", "172.32.0.1", "fe00::1", "::2", "::a00:1", "::ffff:11.0.0.1" })
    void rejectsOthers(String address) {
        assertThat(set.matches(Addresses.parse(address).orElseThrow())).isFalse();
    }

    @Test
    void agreesWithSingleCidrMatchingOnEveryPrefixLength() {
        byte[] ipv4 = Addresses.parse("203.0.113.77").orElseThrow();
        byte[] ipv6 = Addresses.parse("2001:db8:85a3:8d3:1319:8a2e:370:7348").orElseThrow();
        for (int prefix = 0; prefix <= 128; prefix++) {
            if (prefix <= 32) {
                assertAgree(new Cidr(network(ipv4, prefix), prefix), ipv4);
            }
            assertAgree(new Cidr(network(ipv6, prefix), prefix), ipv6);
        }
    }

    @Test
    void slash0OfEachFamily() {
        CidrSet everything = CidrSet.parse(List.of("0.0.0.0/0", "::/0"));
        assertThat(everything.matches(Addresses.parse("1.2.3.4").orElseThrow())).isTrue();
        assertThat(everything.matches(Addresses.parse("2001:db8::1").orElseThrow())).isTrue();
        CidrSet ipv4Only = CidrSet.parse(List.of("0.0.0.0/0"));
        assertThat(ipv4Only.matches(Addresses.parse("2001:db8::1").orElseThrow())).isFalse();
    }

    @Test
    void emptySetMatchesNothing() {
        assertThat(CidrSet.empty().isEmpty()).isTrue();
        assertThat(CidrSet.of(List.of())).isSameAs(CidrSet.empty());
        assertThat(CidrSet.empty().matches(Addresses.parse("127.0.0.1").orElseThrow())).isFalse();
        assertThat(set.matches(null)).isFalse();
        assertThat(set.matches(new byte[3])).isFalse();
    }

    @Test
    void keepsTheBlocksInOrder() {
        assertThat(set.cidrs()).extracting(Cidr::toString)
                .containsExactly("10.0.0.0/8", "192.168.1.7/32", "172.16.0.0/12", "fd00::/8", "::1/128");
        assertThat(set).hasToString("[10.0.0.0/8, 192.168.1.7/32, 172.16.0.0/12, fd00::/8, ::1/128]");
    }

    @Test
    void parseFailsOnTheFirstInvalidCidr() {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrSet.parse(List.of("10.0.0.0/8", "10.0.0.0/33")))
                .withMessageStartingWith("Invalid CIDR '10.0.0.0/33'");
    }

    private static void assertAgree(Cidr cidr, byte[] address) {
        CidrSet single = CidrSet.of(List.of(cidr));
        assertThat(single.matches(address)).as("%s contains its own network", cidr).isTrue();
        for (int bit = 0; bit < address.length * 8; bit++) {
            byte[] flipped = address.clone();
            flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            assertThat(single.matches(flipped)).as("%s with bit %d flipped", cidr, bit)
                    .isEqualTo(bit >= cidr.prefixLength());
        }
    }

    private static byte[] network(byte[] address, int prefix) {
        byte[] network = address.clone();
        for (int bit = prefix; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return network;
    }
}
