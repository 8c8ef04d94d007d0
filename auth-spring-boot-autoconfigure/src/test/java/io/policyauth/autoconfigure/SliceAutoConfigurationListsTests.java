package io.policyauth.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The lists that bring policy-auth into {@code @WebMvcTest} and {@code @WebFluxTest} slices cannot
 * drift from the main auto-configuration list: each slice gets every auto-configuration but the
 * other stack's front, and both slices scan the same extension types.
 */
class SliceAutoConfigurationListsTests {

    private static final String SPRING = "META-INF/spring/";
    private static final String MAIN = SPRING + "org.springframework.boot.autoconfigure.AutoConfiguration.imports";
    private static final String MVC = SPRING
            + "org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureWebMvc.imports";
    private static final String FLUX = SPRING
            + "org.springframework.boot.webflux.test.autoconfigure.AutoConfigureWebFlux.imports";
    private static final String SERVLET_FRONT = "io.policyauth.autoconfigure.web.servlet."
            + "PolicyAuthWebMvcAutoConfiguration";
    private static final String REACTIVE_FRONT = "io.policyauth.autoconfigure.web.reactive."
            + "PolicyAuthWebFluxAutoConfiguration";

    @Test
    void eachSliceGetsEveryAutoConfigurationButTheOtherStacksFront() throws IOException {
        Set<String> main = lines(MAIN);

        assertThat(lines(MVC)).as(MVC).isEqualTo(without(main, REACTIVE_FRONT));
        assertThat(lines(FLUX)).as(FLUX).isEqualTo(without(main, SERVLET_FRONT));
    }

    @Test
    void bothSlicesScanTheSameExtensionTypes() throws IOException {
        assertThat(lines(SPRING + "org.springframework.boot.webflux.test.autoconfigure.WebFluxTest.includes"))
                .isEqualTo(lines(SPRING + "org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest.includes"))
                .isNotEmpty();
    }

    private static Set<String> without(Set<String> names, String name) {
        Set<String> rest = new TreeSet<>(names);
        assertThat(rest.remove(name)).as(name + " in the main list").isTrue();
        return rest;
    }

    private static Set<String> lines(String resource) throws IOException {
        try (InputStream in = SliceAutoConfigurationListsTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")).map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
