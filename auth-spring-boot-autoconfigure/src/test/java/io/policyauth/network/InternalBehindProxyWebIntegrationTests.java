package io.policyauth.network;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test client is the trusted proxy (loopback): what it sends in proxy headers is what a proxy
 * in front of the application would pass on. Only the configured header may name the client.
 */
class InternalBehindProxyWebIntegrationTests {

    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void behindAnXForwardedForProxyAClientsForwardedHeaderIsIgnored() {
        HttpTestClient http = start("x-forwarded-for");

        // nginx appends the real client to X-Forwarded-For and passes the client's Forwarded on.
        assertThat(http.get("/internal", "Forwarded", "for=10.9.9.9", "X-Forwarded-For", "203.0.113.5")
                .statusCode()).isEqualTo(403);
        assertThat(http.get("/internal", "Forwarded", "for=10.9.9.9").statusCode()).isEqualTo(403);
        assertThat(http.get("/internal", "X-Forwarded-For", "10.1.2.3", "Forwarded", "for=203.0.113.5")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void behindAForwardedProxyAClientsXForwardedForIsIgnored() {
        HttpTestClient http = start("forwarded");

        assertThat(http.get("/internal", "X-Forwarded-For", "10.9.9.9", "Forwarded", "for=203.0.113.5")
                .statusCode()).isEqualTo(403);
        assertThat(http.get("/internal", "X-Forwarded-For", "10.9.9.9").statusCode()).isEqualTo(403);
        assertThat(http.get("/internal", "Forwarded", "for=10.1.2.3", "X-Forwarded-For", "203.0.113.5")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void auditRecordsTheResolvedClientNotTheProxy() {
        HttpTestClient http = start("x-forwarded-for");
        Recorder recorder = context.getBean(Recorder.class);

        assertThat(http.get("/internal", "X-Forwarded-For", "10.1.2.3").statusCode()).isEqualTo(200);
        assertThat(http.get("/internal", "X-Forwarded-For", "203.0.113.5").statusCode()).isEqualTo(403);

        assertThat(recorder.events).extracting(AuthDecisionEvent::clientAddress)
                .containsExactly("10.1.2.3", "203.0.113.5");
    }

    private HttpTestClient start(String forwardedHeader) {
        context = new SpringApplicationBuilder(App.class).properties("server.port=0",
                "policy-auth.default-policy=public",
                "policy-auth.internal.allowed-cidrs=10.0.0.0/8",
                "policy-auth.internal.trusted-proxies=127.0.0.1/32",
                "policy-auth.internal.forwarded-header=" + forwardedHeader).run();
        return new HttpTestClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @RestController
        static class Endpoints {

            @GetMapping("/internal")
            @RequiresPolicy("internal")
            String internal(AuthenticatedUser user) {
                return user.subject();
            }
        }
    }

    static class Recorder {

        final List<AuthDecisionEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AuthDecisionEvent event) {
            events.add(event);
        }
    }
}
