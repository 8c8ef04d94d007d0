package io.policyauth.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.Challenge;
import io.policyauth.core.SecurityRequestContext;

/** An application using requirements, named policies, route rules and dry-run. */
@SpringBootConfiguration
@EnableAutoConfiguration
class AuthorizationTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** A second credential kind: {@code X-Partner: <subject>}, granting scope orders:read. */
    @Bean
    AuthExecutor partnerKey() {
        return new AuthExecutor() {
            @Override
            public String policy() {
                return "partner_key";
            }

            @Override
            public AuthenticatedUser execute(SecurityRequestContext context) {
                String subject = context.headers().single("X-Partner");
                if (subject == null) {
                    throw new AuthenticationException("missing_key", "A partner key is required.", false,
                            List.of(Challenge.of("ApiKey").with("header", "X-Partner")), null);
                }
                return new AuthenticatedUser(subject, Set.of("orders:read"), Set.of("partner"), Set.of(), null, null,
                        null, "partner_key", null, Map.of());
            }
        };
    }

    @RestController
    static class Orders {

        @GetMapping("/orders")
        @RequiresPolicy(value = "private", scopes = "orders:read")
        String read(AuthenticatedUser user) {
            return user.subject();
        }

        @PostMapping("/orders")
        @RequiresPolicy(value = "private", scopes = {"orders:write", "orders:audit"}, roles = "admin")
        String write(AuthenticatedUser user) {
            return user.subject();
        }

        @GetMapping("/partner/orders")
        @RequiresPolicy("partner")
        String partner(AuthenticatedUser user) {
            return user.subject() + ":" + user.mechanism();
        }

        @GetMapping("/ops")
        @RequiresPolicy("ops")
        String ops(AuthenticatedUser user) {
            return user.subject() + ":" + user.mechanism();
        }

        @GetMapping("/watched")
        @RequiresPolicy("watch")
        String watched(AuthenticatedUser user) {
            return user.subject();
        }
    }

    /** Stands for a library controller that cannot be annotated. */
    @RestController
    static class Admin {

        @GetMapping("/admin/things")
        String list() {
            return "list";
        }

        @PostMapping("/admin/things")
        String create() {
            return "created";
        }

        @DeleteMapping("/admin/things")
        String delete() {
            return "deleted";
        }

        @PostMapping("/admin/annotated")
        @RequiresPolicy("public")
        String annotated() {
            return "annotation wins";
        }

        @GetMapping("/docs/index")
        String docs() {
            return "docs";
        }

        @RequestMapping(path = "/reports/daily", method = {RequestMethod.GET, RequestMethod.POST})
        String dailyReport() {
            return "report";
        }
    }
}
