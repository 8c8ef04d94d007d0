package io.policyauth.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IpAddressesTests {

    @Test
    void parsesIpv4DottedQuad() {
        assertThat(Addresses.parse("192.168.0.1")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(192, 168, 0, 1));
        assertThat(Addresses.parse("0.0.0.0")).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(0, 0, 0, 0));
        assertThat(Addresses.parse("255.255.255.255")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(255, 255, 255, 255));
    }

    @Test
    void parsesIpv6Forms() {
        assertThat(Addresses.parse("::1")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(Addresses.parse("::")).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(16).containsOnly(0));
        assertThat(Addresses.parse("2001:DB8:0:0:0:0:0:AbCd")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xab, 0xcd));
        assertThat(Addresses.parse("fe80::")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(Addresses.parse("1:2:3:4:5:6:7::")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0));
        assertThat(Addresses.parse("64:ff9b::192.0.2.33")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 192, 0, 2, 33));
    }

    @ParameterizedTest
    @ValueSource(strings = { "::ffff:10.1.2.3", "::FFFF:10.1.2.3", "0:0:0:0:0:ffff:a01:203", "::ffff:0a01:0203" })
    void ipv4MappedIpv6IsIpv4(String literal) {
        assertThat(Addresses.parse(literal)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(10, 1, 2, 3));
    }

    @Test
    void theStringOverloadNormalizesIpv4MappedAddressesAsTheOtherDoes() {
        assertThat(IpAddresses.parse("::ffff:10.1.2.3")).containsExactly(10, 1, 2, 3);
        assertThat(IpAddresses.parse("10.1.2.3")).containsExactly(10, 1, 2, 3);
    }

    @ParameterizedTest
    @CsvSource({ "fe80::1%eth0, fe80::1", "fe80::1%1, fe80::1", "::1, ::1", "10.0.0.1, 10.0.0.1" })
    void aPeerIsReportedWithoutItsZone(String hostAddress, String peer) {
        assertThat(IpAddresses.peer(hostAddress)).isEqualTo(peer);
    }

    @Test
    void ipv4CompatibleIpv6StaysIpv6() {
        assertThat(Addresses.parse("::10.1.2.3")).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(16));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "01.2.3.4", "1.2.3.04",
            "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4 ", " 1.2.3.4", "+1.2.3.4", "1.2.3.-4", "0x7f.0.0.1", "2130706433",
            "\u0661.2.3.4", "localhost", "example.com", "policy-auth-test.invalid", ":", ":::", "1::2::3",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "12345::", "1:", ":1",
            "1::2:", "::1%eth0", "fe80::1%1", "[::1]", "::ffff:1.2.3", "::ffff:1.2.3.4.5", "::1.2.3.4:5",
            "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "g::1", "::\uff11", "1.2.3.4/8" })
    void rejectsWhatIsNotALiteral(String text) {
        assertThat(Addresses.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "10.0.0.1, 10.0.0.1", "::ffff:10.0.0.1, 10.0.0.1", "0:0:0:0:0:0:0:1, ::1", "::, ::",
            "2001:DB8:0:0:0:0:2:1, 2001:db8::2:1", "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1", "fe80:0:0:0:0:0:0:0, fe80::",
            "1:0:0:0:0:0:0:0, 1::" })
    void formatsCanonically(String literal, String canonical) {
        assertThat(IpAddresses.format(Addresses.parse(literal).orElseThrow())).isEqualTo(canonical);
    }

    @Test
    void formatRejectsOtherLengths() {
        assertThatIllegalArgumentException().isThrownBy(() -> IpAddresses.format(new byte[5]));
    }

    /**
     * A literal parser must never fall back to name resolution. Java 17 has no resolver SPI to
     * observe look-ups, so this checks the bytecode: no class of the package refers to
     * InetAddress (whose getByName resolves host names).
     */
    @ParameterizedTest
    @ValueSource(classes = { IpAddresses.class, Cidr.class, CidrSet.class, ForwardedSyntax.class,
            ClientAddressResolver.class, InternalExecutor.class })
    void neverUsesTheNameResolver(Class<?> type) throws IOException {
        try (InputStream classFile = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            assertThat(classFile).isNotNull();
            String constants = new String(classFile.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(constants).contains("io/policyauth/network").doesNotContain("java/net/");
        }
    }
}
