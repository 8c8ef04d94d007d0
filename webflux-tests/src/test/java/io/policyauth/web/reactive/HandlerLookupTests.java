package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

import io.policyauth.jwt.TokenIssuer;

/** The policy filter looks the handler up, and the dispatcher reuses it instead of asking again. */
class HandlerLookupTests {

    private static ConfigurableApplicationContext context;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(LookupApplication.class).web(WebApplicationType.REACTIVE).run(
                "--server.port=0", "--policy-auth.jwt.secret=lookup-test-secret-0123456789-0123456789",
                "--spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @BeforeEach
    void reset() {
        context.getBean(CountingMapping.class).lookups.set(0);
    }

    @Test
    void aGrantedRequestsHandlerIsLookedUpOnce() {
        String token = context.getBean(TokenIssuer.class).createToken("alice", List.of(), List.of());
        client.get().uri("/counted").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("counted");
        assertThat(context.getBean(CountingMapping.class).lookups).hasValue(1);
    }

    @Test
    void aDeniedRequestNeverReachesTheDispatcher() {
        client.get().uri("/counted").exchange().expectStatus().isUnauthorized();
        assertThat(context.getBean(CountingMapping.class).lookups).hasValue(1);
    }

    /** A mapping that counts how often it is asked. */
    static final class CountingMapping extends SimpleUrlHandlerMapping {

        final AtomicInteger lookups = new AtomicInteger();

        CountingMapping(Map<String, Object> urls) {
            super(urls, 0);
        }

        @Override
        public Mono<Object> getHandlerInternal(ServerWebExchange exchange) {
            lookups.incrementAndGet();
            return super.getHandlerInternal(exchange);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class LookupApplication {

        @Bean
        CountingMapping countingMapping() {
            WebHandler counted = exchange -> exchange.getResponse().writeWith(Mono.just(
                    exchange.getResponse().bufferFactory().wrap("counted".getBytes())));
            return new CountingMapping(Map.of("/counted", counted));
        }
    }
}
