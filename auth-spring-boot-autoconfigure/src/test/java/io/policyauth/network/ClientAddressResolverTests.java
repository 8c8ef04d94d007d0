package io.policyauth.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.policyauth.core.SecurityRequestContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTests {

    private static final String PROXY_1 = "10.0.0.1";
    private static final String PROXY_2 = "10.0.0.2";

    private static final CidrSet TRUSTED = CidrSet.parse(List.of("10.0.0.0/24", "2001:db8:cafe::/48"));

    private final ClientAddressResolver xForwardedFor = new ClientAddressResolver(TRUSTED,
            ForwardedHeader.X_FORWARDED_FOR);

    private final ClientAddressResolver forwarded = new ClientAddressResolver(TRUSTED, ForwardedHeader.FORWARDED);

    @Test
    void peerIsTheClientWithoutProxyHeaders() {
        assertThat(resolve("203.0.113.9")).hasValue("203.0.113.9");
        assertThat(resolve("0:0:0:0:0:0:0:1")).hasValue("::1");
        assertThat(resolve("::ffff:203.0.113.9")).hasValue("203.0.113.9");
    }

    @Test
    void invalidPeerIsNoClient() {
        assertThat(resolve("localhost")).isEmpty();
        assertThat(resolve("")).isEmpty();
    }

    @Test
    void trustedPeerWithoutProxyHeadersIsTheClient() {
        assertThat(resolve(PROXY_1)).hasValue(PROXY_1);
    }

    @Test
    void headersOfAnUntrustedPeerAreIgnored() {
        assertThat(resolve("203.0.113.9", "X-Forwarded-For", "10.0.0.5")).hasValue("203.0.113.9");
        assertThat(resolve("203.0.113.9", "Forwarded", "for=10.0.0.5")).hasValue("203.0.113.9");
        assertThat(resolve("203.0.113.9", "X-Forwarded-For", "garbage")).hasValue("203.0.113.9");
    }

    @Test
    void onlyTheConfiguredHeaderIsRead() {
        Map<String, List<String>> spoofed = Map.of("Forwarded", List.of("for=10.9.9.9"), "X-Forwarded-For",
                List.of("198.51.100.1"));
        assertThat(format(xForwardedFor.resolve(context(PROXY_1, spoofed)))).hasValue("198.51.100.1");
        assertThat(format(xForwardedFor.resolve(context(PROXY_1, Map.of("Forwarded", List.of("for=10.9.9.9"))))))
                .hasValue(PROXY_1);
    }

    @Test
    void clientAddressIsTheCanonicalLiteral() {
        assertThat(xForwardedFor.clientAddress(context(PROXY_1, Map.of("X-Forwarded-For", List.of("::ffff:198.51.100.7")))))
                .isEqualTo("198.51.100.7");
        assertThat(xForwardedFor.clientAddress(context(PROXY_1, Map.of("X-Forwarded-For", List.of("unknown")))))
                .isNull();
    }

    @Test
    void noTrustedProxiesMeansHeadersAreNeverRead() {
        ClientAddressResolver direct = new ClientAddressResolver(CidrSet.empty());
        assertThat(format(direct.resolve(context(PROXY_1, Map.of("X-Forwarded-For", List.of("198.51.100.1"))))))
                .hasValue(PROXY_1);
    }

    @Nested
    class XForwardedFor {

        @Test
        void clientBeforeTrustedProxies() {
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "198.51.100.7, " + PROXY_2)).hasValue("198.51.100.7");
        }

        @Test
        void spoofedLeftmostEntriesAreIgnored() {
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "10.0.0.99, 127.0.0.1, 198.51.100.7, " + PROXY_2))
                    .hasValue("198.51.100.7");
        }

        @Test
        void spoofedGarbageLeftOfTheClientIsNeverRead() {
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "not an address, 198.51.100.7")).hasValue("198.51.100.7");
        }

        @Test
        void everyHopTrustedMeansTheLeftmost() {
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "10.0.0.7, " + PROXY_2)).hasValue("10.0.0.7");
        }

        @Test
        void headerLinesAreOneListInOrder() {
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "198.51.100.1, 198.51.100.2", PROXY_2))
                    .hasValue("198.51.100.2");
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "198.51.100.1", "10.0.0.3,10.0.0.4")).hasValue("198.51.100.1");
        }

        @Test
        void ipv6AndIpv4MappedHops() {
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "2001:db8::7, 2001:db8:cafe::1")).hasValue("2001:db8::7");
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "::ffff:198.51.100.7")).hasValue("198.51.100.7");
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "[2001:db8::7]:443")).hasValue("2001:db8::7");
            assertThat(resolve(PROXY_1, "X-Forwarded-For", "198.51.100.7:51000")).hasValue("198.51.100.7");
        }

        @ParameterizedTest
        @ValueSource(strings = { "", " ", "unknown", "198.51.100.7,", "198.51.100.7,,10.0.0.2", "198.51.100.256",
                "client.example", "198.51.100.7:99999", "[198.51.100.7]", "2001:db8::7%eth0", "1.2.3.4 5.6.7.8" })
        void malformedHopDenies(String header) {
            assertThat(resolve(PROXY_1, "X-Forwarded-For", header)).isEmpty();
        }
    }

    @Nested
    class Forwarded {

        @Test
        void quotedIpv6WithPort() {
            assertThat(resolve(PROXY_1, "Forwarded", "for=\"[2001:db8::17]:4711\"")).hasValue("2001:db8::17");
        }

        @Test
        void ipv4WithAndWithoutPort() {
            assertThat(resolve(PROXY_1, "Forwarded", "for=198.51.100.7")).hasValue("198.51.100.7");
            assertThat(resolve(PROXY_1, "Forwarded", "for=\"198.51.100.7:8080\"")).hasValue("198.51.100.7");
            assertThat(resolve(PROXY_1, "Forwarded", "for=\"198.51.100.7:_p1\"")).hasValue("198.51.100.7");
        }

        @Test
        void walksRightToLeftPastTrustedHops() {
            String header = "for=192.0.2.60;proto=http;by=203.0.113.43, For=\"[2001:db8::17]\";host=\"a,b\", "
                    + "for=10.0.0.2;proto=https";
            assertThat(resolve(PROXY_1, "Forwarded", header)).hasValue("2001:db8::17");
        }

        @Test
        void headerLinesAreOneListInOrder() {
            assertThat(resolve(PROXY_1, "Forwarded", "for=198.51.100.1", "for=198.51.100.2;proto=https"))
                    .hasValue("198.51.100.2");
            assertThat(resolve(PROXY_1, "Forwarded", "for=198.51.100.1", "for=10.0.0.2")).hasValue("198.51.100.1");
        }

        @Test
        void everyHopTrustedMeansTheLeftmost() {
            assertThat(resolve(PROXY_1, "Forwarded", "for=10.0.0.9, for=10.0.0.2")).hasValue("10.0.0.9");
        }

        @Test
        void xForwardedForIsIgnored() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("X-Forwarded-For", List.of("10.9.9.9"));
            headers.put("Forwarded", List.of("for=198.51.100.2"));
            assertThat(format(forwarded.resolve(context(PROXY_1, headers)))).hasValue("198.51.100.2");
            assertThat(format(forwarded.resolve(context(PROXY_1, Map.of("X-Forwarded-For", List.of("10.9.9.9"))))))
                    .hasValue(PROXY_1);
        }

        @Test
        void malformedLineLeftOfTheClientIsNeverRead() {
            assertThat(resolve(PROXY_1, "Forwarded", "for=\"unterminated", "for=198.51.100.2")).hasValue("198.51.100.2");
        }

        @ParameterizedTest
        @ValueSource(strings = { "for=unknown", "for=_hidden", "for=\"_gazonk\"", "proto=https", "", "for=",
                "for=[2001:db8::17]", "for=198.51.100.7:80", "for=\"198.51.100.7", "for=198.51.100.7;for=198.51.100.8",
                "for=\"198.51\\.100.7\"", "for=\"[2001:db8::17\"", "for=\"[198.51.100.7]\"", "for 198.51.100.7",
                "for=198.51.100.7 garbage", "for=\"[2001:db8::17]:\"", "for=\"[2001:db8::17]:70000\"",
                "for=\"[fe80::1%25eth0]\"" })
        void malformedOrUnidentifiedHopDenies(String header) {
            assertThat(resolve(PROXY_1, "Forwarded", header)).isEmpty();
        }

        @Test
        void untrustedHopRightOfAMalformedOneIsTheClient() {
            assertThat(resolve(PROXY_1, "Forwarded", "for=unknown, for=198.51.100.7")).hasValue("198.51.100.7");
        }

        @Test
        void malformedHopRightOfTheClientDenies() {
            assertThat(resolve(PROXY_1, "Forwarded", "for=198.51.100.7, for=unknown")).isEmpty();
        }
    }

    private Optional<String> resolve(String peer, String header, String... lines) {
        ClientAddressResolver resolver = header.equalsIgnoreCase("Forwarded") ? forwarded : xForwardedFor;
        return format(resolver.resolve(context(peer, Map.of(header, List.of(lines)))));
    }

    private Optional<String> resolve(String peer) {
        return format(xForwardedFor.resolve(context(peer, Map.of())));
    }

    private static SecurityRequestContext context(String peer, Map<String, List<String>> headers) {
        return SecurityRequestContext.of(peer, headers);
    }

    private static Optional<String> format(Optional<byte[]> address) {
        return address.map(IpAddresses::format);
    }
}
