package io.policyauth.tenant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;

/** Endpoints of a multi-tenant API: invoices per tenant, and endpoints bound otherwise. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TenancyTestApplication {

    @Bean
    Decisions decisions() {
        return new Decisions();
    }

    /** The audit events of decisions and of tenants' changes, as an application listens to them. */
    static final class Decisions {

        final List<AuthDecisionEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<TenantChange> changes = Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(AuthDecisionEvent event) {
            events.add(event);
        }

        @EventListener
        void on(TenantChange change) {
            changes.add(change);
        }
    }

    @RestController
    static class Invoices {

        @GetMapping("/tenants/{tenantId}/invoices")
        @RequiresPolicy(value = "private", permissions = "invoices:read")
        String list(@PathVariable String tenantId, AuthenticatedUser user) {
            return tenantId + ":" + user.subject();
        }

        @PostMapping("/tenants/{tenantId}/invoices")
        @RequiresPolicy(value = "private", permissions = "invoices:write")
        String create(@PathVariable String tenantId) {
            return "created";
        }

        @GetMapping("/tenants/{tenantId}/keyed")
        @RequiresPolicy("shared_api_key")
        String keyed(@PathVariable String tenantId) {
            return "keyed";
        }

        @GetMapping("/tenants/{tenantId}/directory")
        @RequiresPolicy(value = "private", tenant = "none")
        String directory(@PathVariable String tenantId) {
            return "directory";
        }

        @GetMapping("/tenants/{tenantId}/status")
        @RequiresPolicy("public")
        String status(@PathVariable String tenantId) {
            return "up";
        }

        @GetMapping("/orgs/{orgId}/reports")
        @RequiresPolicy(value = "private", tenant = "{orgId}")
        String reports(@PathVariable String orgId) {
            return "reports";
        }

        @GetMapping("/me")
        @RequiresPolicy("private")
        String me(AuthenticatedUser user) {
            return user.subject() + " " + new TreeSet<>(user.permissions());
        }
    }
}
