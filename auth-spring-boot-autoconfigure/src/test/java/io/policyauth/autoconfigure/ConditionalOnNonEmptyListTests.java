package io.policyauth.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalOnNonEmptyListTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ListConditional.class);

    @Test
    void unsetDoesNotMatch() {
        runner.run(context -> assertThat(context).doesNotHaveBean("marker"));
    }

    @Test
    void emptyValueDoesNotMatch() {
        runner.withPropertyValues("sample.items=").run(context -> assertThat(context).doesNotHaveBean("marker"));
    }

    @Test
    void singleValueMatches() {
        runner.withPropertyValues("sample.items=a").run(context -> assertThat(context).hasBean("marker"));
    }

    @Test
    void commaSeparatedValuesMatch() {
        runner.withPropertyValues("sample.items=a,b").run(context -> assertThat(context).hasBean("marker"));
    }

    @Test
    void indexedValuesMatch() {
        runner.withPropertyValues("sample.items[0]=a").run(context -> assertThat(context).hasBean("marker"));
    }

    @Test
    void environmentVariableMatches() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("SAMPLE_ITEMS", "a,b"))))
                .run(context -> assertThat(context).hasBean("marker"));
    }

    @Test
    void blankElementsMatchSoThatTheTypoFailsLoudly() {
        runner.withPropertyValues("sample.items= , ").run(context -> assertThat(context).hasBean("marker"));
    }

    @Configuration(proxyBeanMethods = false)
    static class ListConditional {

        @Bean
        @ConditionalOnNonEmptyList("sample.items")
        String marker() {
            return "present";
        }
    }
}
