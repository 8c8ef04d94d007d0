package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LazyPathVariablesTests {

    @Test
    void readsTheAttributeOnlyWhenFirstAskedAndThenOnce() {
        AtomicInteger reads = new AtomicInteger();
        Map<String, String> attribute = new HashMap<>(Map.of("tenantId", "acme"));
        LazyPathVariables variables = new LazyPathVariables(() -> {
            reads.incrementAndGet();
            return attribute;
        });

        assertThat(reads).hasValue(0);
        assertThat(variables.get("tenantId")).isEqualTo("acme");
        assertThat(variables).containsExactly(Map.entry("tenantId", "acme")).hasSize(1).containsKey("tenantId");
        assertThat(reads).hasValue(1);
    }

    @Test
    void isEmptyWithoutTheAttributeAndUnmodifiableWithIt() {
        assertThat(new LazyPathVariables(() -> null)).isEmpty();
        assertThat(new LazyPathVariables(() -> "not a map")).isEmpty();
        LazyPathVariables variables = new LazyPathVariables(() -> new HashMap<>(Map.of("id", "7")));
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> variables.put("id", "8"));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> variables.entrySet().clear());
        assertThat(variables).containsEntry("id", "7");
    }
}
