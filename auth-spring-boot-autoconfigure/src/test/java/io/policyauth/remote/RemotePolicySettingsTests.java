package io.policyauth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.policyauth.core.Requirements;

class RemotePolicySettingsTests {

    @Test
    void authorizationIsImpliedAndDuplicatesDropped() {
        assertThat(settings(URI.create("https://auth.internal/check"), List.of("Authorization", "X-Tenant", "x-tenant"),
                Duration.ofSeconds(1)).forwardHeaders()).containsExactly("X-Tenant");
    }

    @Test
    void badSettingsNameTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(null, List.of(), Duration.ofSeconds(1)))
                .withMessageStartingWith("endpoint:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(URI.create("ftp://host/x"), List.of(), Duration.ofSeconds(1)))
                .withMessageStartingWith("endpoint:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(URI.create("http://user:pw@host/x"), List.of(), Duration.ofSeconds(1)))
                .withMessageStartingWith("endpoint:").withMessageNotContaining("pw");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(URI.create("http://host/x"), List.of(), Duration.ofMillis(-1)))
                .withMessageStartingWith("timeout:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(URI.create("http://host/x"), List.of("Host"), Duration.ofSeconds(1)))
                .withMessageStartingWith("forward-headers[0]:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(URI.create("http://host/x"), List.of("X-Ok", "bad header"),
                        Duration.ofSeconds(1)))
                .withMessageStartingWith("forward-headers[1]:");
    }

    private static RemotePolicySettings settings(URI endpoint, List<String> headers, Duration timeout) {
        return new RemotePolicySettings("team", endpoint, headers, timeout, Duration.ZERO, 10, false, 1024, false,
                RemotePolicySettings.DEFAULT_MAX_CONCURRENT_REQUESTS, Requirements.NONE);
    }
}
