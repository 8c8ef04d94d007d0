package io.policyauth.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthExecutor;
import io.policyauth.web.TestExecutors;

/**
 * A policy-auth application that decides for a fleet: no controller of its own, only gateway
 * routes for the services behind nginx, Envoy or KX.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
class GatewayTestApplication {

    static final String SECRET = "gateway-test-secret-0123456789-0123456789";
    static final String SHARED_KEY = "gateway-shared-key-0123456789";

    /** The properties of the tests' instance: every kind of policy behind gateway routes. */
    static final String[] PROPERTIES = {
        "policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.issuer=gateway-test",
        "policy-auth.jwt.audiences=fleet",
        "policy-auth.api-key.shared-keys=" + SHARED_KEY,
        "policy-auth.internal.allowed-cidrs=10.0.0.0/8",
        "policy-auth.internal.trusted-proxies=127.0.0.1/32",
        "policy-auth.gateway.enabled=true",
        "policy-auth.gateway.routes[0].pattern=/public/**", "policy-auth.gateway.routes[0].policy=public",
        "policy-auth.gateway.routes[1].pattern=/reports/**", "policy-auth.gateway.routes[1].policy=shared_api_key",
        "policy-auth.gateway.routes[2].pattern=/ops/**", "policy-auth.gateway.routes[2].policy=internal",
        "policy-auth.gateway.routes[3].pattern=/orders/**", "policy-auth.gateway.routes[3].methods=POST",
        "policy-auth.gateway.routes[3].policy=private", "policy-auth.gateway.routes[3].scopes=orders:write",
        "policy-auth.gateway.routes[4].pattern=/flaky/**", "policy-auth.gateway.routes[4].policy=flaky",
        "policy-auth.tenancy.enabled=true", "policy-auth.tenancy.roles.billing=invoices:read",
        "policy-auth.gateway.routes[5].pattern=/orgs/{org}/**", "policy-auth.gateway.routes[5].policy=private",
        "policy-auth.gateway.routes[5].tenant={org}", "policy-auth.gateway.routes[5].permissions=invoices:read",
        "policy-auth.client-certificate.header=X-SSL-Client-Cert",
        "policy-auth.rate-limits.once.limit=1", "policy-auth.rate-limits.once.per=1h",
        "policy-auth.policies.once-an-hour.any-of=private", "policy-auth.policies.once-an-hour.rate-limit=once",
        "policy-auth.gateway.routes[6].pattern=/limited/**", "policy-auth.gateway.routes[6].policy=once-an-hour",
    };

    final List<AuthDecisionEvent> decisions = new CopyOnWriteArrayList<>();

    @Bean
    AuthExecutor flakyPolicy() {
        return new TestExecutors.Unavailable("flaky");
    }

    @EventListener
    void record(AuthDecisionEvent decision) {
        decisions.add(decision);
    }
}
