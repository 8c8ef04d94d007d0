package io.policyauth.apikey;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with a db_api_key endpoint next to JWT and public ones, over Spring Boot's own
 * MongoDB auto-configuration; its client records every command it sends.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class DbApiKeyWebTestApplication {

    /** Signs and verifies the tokens of the {@code private} endpoint. */
    static final String JWT_SECRET = "policy-auth.jwt.secret=db-api-key-web-tests-secret-of-at-least-32-bytes";

    /** The key of the {@code shared_api_key} endpoint. */
    static final String SHARED_KEY = "shared-key-for-the-web-tests-0001";

    /** Registers {@code shared_api_key}. */
    static final String SHARED_KEYS = "policy-auth.api-key.shared-keys=" + SHARED_KEY;

    /** Registers {@code internal} for loopback callers. */
    static final String INTERNAL = "policy-auth.internal.allowed-cidrs=127.0.0.1/32,::1/128";

    /** Keeps last-used writes out of the command log during a test; tests that need them flush. */
    static final String NO_BACKGROUND_FLUSH = "policy-auth.api-key.last-used-flush-interval=1h";

    /** Names of the commands the application's MongoDB client sent. */
    record CommandLog(List<String> names) implements CommandListener {

        CommandLog() {
            this(new CopyOnWriteArrayList<>());
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            names.add(event.getCommandName());
        }
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    CommandLog commandLog() {
        return new CommandLog();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer recordCommands(CommandLog log) {
        return settings -> settings.addCommandListener(log);
    }

    @RestController
    static class Endpoints {

        @GetMapping("/keyed")
        @RequiresPolicy("db_api_key")
        Map<String, Object> keyed(AuthenticatedUser user) {
            return Map.of("subject", user.subject(), "keyId", user.tokenId(), "mechanism", user.mechanism());
        }

        @GetMapping("/private")
        @RequiresPolicy("private")
        String jwt(AuthenticatedUser user) {
            return user.subject();
        }

        @GetMapping("/shared")
        @RequiresPolicy("shared_api_key")
        String shared() {
            return "shared";
        }

        @GetMapping("/internal")
        @RequiresPolicy("internal")
        String internal() {
            return "internal";
        }

        @GetMapping("/public")
        @RequiresPolicy("public")
        String open() {
            return "open";
        }
    }
}
