package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandoffTests {

    private final Handoff<Object, String> handoff = new Handoff<>();

    @Test
    void aValueIsTakenOnceAndOnlyForTheVerySameKey() {
        Object request = new Object();
        handoff.give(request, "hash");

        assertThat(handoff.take(new Object())).isNull();
        assertThat(handoff.take(request)).isEqualTo("hash");
        assertThat(handoff.take(request)).as("let go once taken").isNull();
    }

    @Test
    void anEqualKeyIsNotTheSameRequest() {
        handoff.give(new String("token"), "hash");

        assertThat(handoff.take(new String("token"))).isNull();
    }

    @Test
    void anotherRequestsValueReplacesTheFirst() {
        Object first = new Object();
        Object second = new Object();
        handoff.give(first, "first");
        handoff.give(second, "second");

        assertThat(handoff.take(first)).isNull();
        assertThat(handoff.take(second)).isEqualTo("second");
    }
}
