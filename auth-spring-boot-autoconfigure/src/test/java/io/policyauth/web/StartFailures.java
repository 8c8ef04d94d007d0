package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.policyauth.core.PolicyAuthConfigurationException;

/** Starts a servlet application that must not start, and finds policy-auth's reason why. */
public final class StartFailures {

    private StartFailures() {
    }

    /**
     * @param application the application
     * @param arguments its command-line arguments
     * @param messages what policy-auth's failure must say
     */
    public static void assertStartFails(Class<?> application, String[] arguments, String... messages) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET)
                .run(arguments).close()).satisfies(failure -> {
                    Throwable cause = failure;
                    while (cause != null && !(cause instanceof PolicyAuthConfigurationException)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).as("a PolicyAuthConfigurationException in %s", failure).isNotNull();
                    assertThat(cause.getMessage()).contains(messages);
                });
    }
}
