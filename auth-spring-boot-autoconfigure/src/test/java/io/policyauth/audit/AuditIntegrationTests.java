package io.policyauth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.Outcome;
import io.policyauth.jwt.TokenIssuer;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = AuditIntegrationTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "policy-auth.jwt.secret=audit-test-secret-with-at-least-32-bytes!",
            "policy-auth.api-key.shared-keys=audit-shared-key-0123456789",
            "policy-auth.internal.allowed-cidrs=10.0.0.0/8",
            "policy-auth.policies.watch.any-of=private",
            "policy-auth.policies.watch.mode=dry-run",
            "policy-auth.policies.token-from-inside.all-of=private,internal",
            "logging.level.policy-auth.audit=DEBUG"
        })
class AuditIntegrationTests {

    private static final String WRONG_KEY = "wrong-shared-key-9876543210";
    private static final String SHARED_KEY = "audit-shared-key-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    App.Recorder recorder;

    HttpTestClient http;

    @BeforeEach
    void reset() {
        http = new HttpTestClient(port);
        recorder.events.clear();
    }

    @Test
    void everyOutcomeBecomesAnEventAndALogLineWithoutCredentials(CapturedOutput output) {
        String token = tokens.createToken("alice", List.of("orders:read"), List.of());
        String forged = token.substring(0, token.length() - 4) + "AAAA";

        assertThat(http.get("/private", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(http.get("/private", "Authorization", "Bearer " + forged).statusCode()).isEqualTo(401);
        assertThat(http.get("/shared", "X-API-KEY", WRONG_KEY).statusCode()).isEqualTo(401);
        assertThat(http.get("/shared", "X-API-KEY", SHARED_KEY).statusCode()).isEqualTo(200);
        assertThat(http.get("/internal").statusCode()).isEqualTo(403);
        assertThat(http.get("/down").statusCode()).isEqualTo(503);
        assertThat(http.get("/watched", "Authorization", "Basic dXNlcjpwYXNzd29yZA==").statusCode()).isEqualTo(200);

        assertThat(recorder.events).extracting(AuthDecisionEvent::outcome).containsExactly(Outcome.GRANTED,
                Outcome.UNAUTHENTICATED, Outcome.UNAUTHENTICATED, Outcome.GRANTED, Outcome.FORBIDDEN,
                Outcome.UNAVAILABLE, Outcome.WOULD_DENY);
        AuthDecisionEvent granted = recorder.events.get(0);
        assertThat(granted.subject()).isEqualTo("alice");
        assertThat(granted.credentialId()).isNotBlank();
        assertThat(granted.policy()).isEqualTo("private");
        assertThat(granted.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(granted.path()).isEqualTo("/private");
        assertThat(granted.method()).isEqualTo("GET");
        assertThat(recorder.events.get(1).reason()).isEqualTo("bad_signature");
        assertThat(recorder.events.get(1).subject()).isNull();
        assertThat(recorder.events.get(4).reason()).isEqualTo("address_not_allowed");

        assertThat(output.getAll()).contains("outcome=granted policy=private", "subject=alice",
                "outcome=unauthenticated policy=shared_api_key reason=invalid_api_key",
                "outcome=would_deny policy=watch");
        for (String credential : List.of(token, forged, token.split("\\.")[2], WRONG_KEY, SHARED_KEY,
                "dXNlcjpwYXNzd29yZA==", "password")) {
            assertThat(output.getAll()).doesNotContain(credential);
            assertThat(recorder.events.toString()).doesNotContain(credential);
        }
    }

    @Test
    void aRefusalAfterTheCallerWasEstablishedRecordsTheCaller(CapturedOutput output) {
        String token = tokens.createToken("alice", List.of("orders:read"), List.of());

        assertThat(http.get("/scoped", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
        assertThat(http.get("/inside", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);

        assertThat(recorder.events).hasSize(2).allSatisfy(refused -> {
            assertThat(refused.outcome()).isEqualTo(Outcome.FORBIDDEN);
            assertThat(refused.subject()).isEqualTo("alice");
            assertThat(refused.credentialId()).isNotBlank();
        });
        assertThat(recorder.events.get(0).reason()).isEqualTo("insufficient_scope");
        assertThat(recorder.events.get(1).reason()).isEqualTo("address_not_allowed");
        assertThat(output.getAll()).containsPattern("outcome=forbidden policy=private .*subject=alice credential_id="
                + recorder.events.get(0).credentialId());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        AuthExecutor downExecutor() {
            return new AuthExecutor() {
                @Override
                public String policy() {
                    return "down";
                }

                @Override
                public io.policyauth.core.AuthenticatedUser execute(io.policyauth.core.SecurityRequestContext c) {
                    throw new AuthUnavailableException("store_down", "The store cannot be reached.", null, null);
                }
            };
        }

        static class Recorder {

            final List<AuthDecisionEvent> events = new CopyOnWriteArrayList<>();

            @EventListener
            void on(AuthDecisionEvent event) {
                events.add(event);
            }
        }

        @RestController
        static class Endpoints {

            @GetMapping("/private")
            @RequiresPolicy("private")
            String privateEndpoint() {
                return "ok";
            }

            @GetMapping("/shared")
            @RequiresPolicy("shared_api_key")
            String shared() {
                return "ok";
            }

            @GetMapping("/scoped")
            @RequiresPolicy(value = "private", scopes = "orders:write")
            String scoped() {
                return "ok";
            }

            @GetMapping("/inside")
            @RequiresPolicy("token-from-inside")
            String inside() {
                return "ok";
            }

            @GetMapping("/internal")
            @RequiresPolicy("internal")
            String internal() {
                return "ok";
            }

            @GetMapping("/down")
            @RequiresPolicy("down")
            String down() {
                return "ok";
            }

            @GetMapping("/watched")
            @RequiresPolicy("watch")
            String watched() {
                return "ok";
            }
        }
    }
}
