package io.policyauth.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;

import io.policyauth.web.HttpTestClient;
import io.policyauth.web.TestInstances;

/**
 * On Spring MVC, Spring's {@code ForwardedHeaderFilter} ({@code server.forward-headers-strategy=framework},
 * or registered by the application) answers {@code getRemoteAddr()} from {@code X-Forwarded-For}.
 * Ordered ahead of the gateway's filter, it must not make a client that claims an allowed address
 * an allowed caller: the gateway reads the socket peer beneath the wrapper.
 */
class GatewayBehindForwardedHeaderFilterTests {

    private static final TestInstances instances = new TestInstances();
    private static HttpTestClient client;

    @BeforeAll
    static void start() {
        String[] properties = java.util.Arrays.copyOf(GatewayTestApplication.PROPERTIES,
                GatewayTestApplication.PROPERTIES.length + 2);
        properties[properties.length - 2] = "policy-auth.gateway.allowed-callers=10.9.0.0/16";
        properties[properties.length - 1] = "server.forward-headers-strategy=framework";
        client = TestInstances.client(instances.start(ForwardingApplication.class, properties));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void aClaimedAddressNeverMakesAnAllowedCaller() {
        HttpResponse<String> spoofed = client.get("/authz/nginx", "X-Original-Method", "GET", "X-Original-URI",
                "/public/x", "X-Forwarded-For", "10.9.9.9");

        assertThat(spoofed.statusCode()).isEqualTo(403);
        assertThat(spoofed.body()).contains("caller-not-allowed");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class ForwardingApplication extends GatewayTestApplication {

        /* The application's own, first of all filters, as many applications register it. */
        @Bean
        FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeaderFilter() {
            FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(
                    new ForwardedHeaderFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
