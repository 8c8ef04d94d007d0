package io.policyauth.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.policyauth.benchmarks.JwtFixture;

/**
 * The application of the load run: one trivial endpoint served unprotected, under each built-in
 * policy, and behind Spring Security's OAuth2 resource server, so that {@code benchmarks/load/run.sh}
 * can compare them in one run on one machine. Listens on 127.0.0.1 only; keys are generated at
 * start and the tokens are served on {@code /setup/tokens}.
 */
@SpringBootApplication
public class LoadApplication {

    /** The shared API key of the {@code shared_api_key} endpoint. */
    static final String SHARED_KEY = "load-shared-key-0123456789abcdefghijklmn";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(LoadApplication.class);
        application.setDefaultProperties(Map.ofEntries(
                Map.entry("server.address", "127.0.0.1"),
                Map.entry("server.port", "18080"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("policy-auth.jwt.secret", new String(JwtFixture.SECRET, StandardCharsets.UTF_8)),
                Map.entry("policy-auth.jwt.issuer", JwtFixture.ISSUER),
                Map.entry("policy-auth.jwt.audiences", JwtFixture.AUDIENCE),
                Map.entry("policy-auth.api-key.shared-keys", SHARED_KEY),
                Map.entry("policy-auth.internal.allowed-cidrs", "127.0.0.0/8,::1/128"),
                // A rate limit no run reaches: what counting costs, not what refusing costs.
                Map.entry("policy-auth.rate-limits.roomy.limit", "1000000000"),
                Map.entry("policy-auth.rate-limits.roomy.per", "1m"),
                // Used when a run turns tenancy on (TENANCY=1): the tokens' role grants the permission.
                Map.entry("policy-auth.tenancy.roles.admin", "invoices:read")));
        application.run(args);
    }
}
