package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusedRequestTargetsTests {

    @ParameterizedTest
    @ValueSource(strings = {"/open%2F..%2Forders", "/open%2f..", "/a%5Cb", "/a%5cb", "/orders%00", "/orders%ZZ",
            "/orders%", "/orders%4", "/open%C0%AF..%C0%AForders", "/%FF"})
    void refusesWhatTomcatRefuses(String path) {
        assertThat(RefusedRequestTargets.refusal(path)).isNotNull().doesNotContain(path.substring(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/orders", "/%6Frders", "/orders%25", "/orders%3Bx", "/%C3%B6rders", "/a/../b",
            "/a;x=1/b", "//orders"})
    void passesWhatTomcatPassesOn(String path) {
        assertThat(RefusedRequestTargets.refusal(path)).isNull();
    }
}
