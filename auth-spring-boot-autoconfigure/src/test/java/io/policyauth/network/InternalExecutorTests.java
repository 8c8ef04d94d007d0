package io.policyauth.network;

import java.util.List;
import java.util.Map;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.SecurityRequestContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InternalExecutorTests {

    private final InternalExecutor executor = new InternalExecutor(
            CidrSet.parse(List.of("10.0.0.0/8", "::1/128")),
            new ClientAddressResolver(CidrSet.parse(List.of("192.168.0.1"))));

    @Test
    void policyName() {
        assertThat(executor.policy()).isEqualTo("internal").isEqualTo(InternalExecutor.POLICY);
    }

    @Test
    void clientInsideAnAllowedBlockPassesAsItsAddress() {
        AuthenticatedUser user = executor.execute(SecurityRequestContext.of("10.1.2.3", Map.of()));
        assertThat(user.subject()).isEqualTo("10.1.2.3");
        assertThat(user.mechanism()).isEqualTo("internal");
        assertThat(user.scopes()).isEmpty();
        assertThat(user.roles()).isEmpty();
        assertThat(user.tokenId()).isNull();
        assertThat(user.isAnonymous()).isFalse();
    }

    @Test
    void subjectIsCanonical() {
        assertThat(executor.execute(SecurityRequestContext.of("0:0:0:0:0:0:0:1", Map.of())).subject()).isEqualTo("::1");
        assertThat(executor.execute(SecurityRequestContext.of("::ffff:10.0.0.1", Map.of())).subject())
                .isEqualTo("10.0.0.1");
    }

    @Test
    void clientBehindTrustedProxyIsJudged() {
        AuthenticatedUser user = executor.execute(
                SecurityRequestContext.of("192.168.0.1", Map.of("X-Forwarded-For", List.of("10.9.9.9"))));
        assertThat(user.subject()).isEqualTo("10.9.9.9");
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> executor.execute(
                SecurityRequestContext.of("192.168.0.1", Map.of("X-Forwarded-For", List.of("203.0.113.1")))));
    }

    @Test
    void proxyItselfIsNotAnAllowedClient() {
        assertThatExceptionOfType(ForbiddenException.class)
                .isThrownBy(() -> executor.execute(SecurityRequestContext.of("192.168.0.1", Map.of())));
    }

    @Test
    void spoofedHeaderFromAnUntrustedPeerDoesNotHelp() {
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> executor.execute(
                SecurityRequestContext.of("203.0.113.1", Map.of("X-Forwarded-For", List.of("10.0.0.1")))));
    }

    @Test
    void clientOutsideEveryBlockIsForbiddenWithoutChallengeOrEcho() {
        assertThatExceptionOfType(ForbiddenException.class)
                .isThrownBy(() -> executor.execute(SecurityRequestContext.of("203.0.113.1", Map.of())))
                .satisfies(refusal -> {
                    assertThat(refusal.reason()).isEqualTo("address_not_allowed");
                    assertThat(refusal.challenges()).isEmpty();
                    assertThat(refusal.getMessage()).doesNotContain("203.0.113.1");
                });
    }

    @Test
    void unresolvableClientIsForbiddenWithoutEchoingTheHeader() {
        assertThatExceptionOfType(ForbiddenException.class)
                .isThrownBy(() -> executor.execute(SecurityRequestContext.of("192.168.0.1",
                        Map.of("X-Forwarded-For", List.of("<script>10.0.0.1</script>")))))
                .satisfies(refusal -> {
                    assertThat(refusal.reason()).isEqualTo("address_not_allowed");
                    assertThat(refusal.getMessage()).doesNotContain("script").doesNotContain("10.0.0.1");
                });
    }

    @Test
    void ipv6ClientDoesNotMatchIpv4Blocks() {
        InternalExecutor ipv4Only = new InternalExecutor(CidrSet.parse(List.of("0.0.0.0/0")),
                new ClientAddressResolver(CidrSet.empty()));
        assertThatExceptionOfType(ForbiddenException.class)
                .isThrownBy(() -> ipv4Only.execute(SecurityRequestContext.of("2001:db8::1", Map.of())));
        assertThat(ipv4Only.execute(SecurityRequestContext.of("::ffff:203.0.113.1", Map.of())).subject())
                .isEqualTo("203.0.113.1");
    }
}
