package io.policyauth.sample.shared;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;

/**
 * A multi-tenant resource: each tenant's invoices, read and written with permissions that each
 * tenant grants through the roles it defines (the admin API under /tenant-admin). Tenant isolation
 * keeps one tenant's callers out of another's invoices.
 */
@RestController
public class InvoiceController {

    @GetMapping("/tenants/{tenantId}/invoices")
    @RequiresPolicy(value = "private", permissions = "invoices:read")
    Map<String, Object> invoices(@PathVariable String tenantId, AuthenticatedUser user) {
        return Map.of("tenant", tenantId, "invoices", List.of(tenantId + "-0001", tenantId + "-0002"),
                "caller", user.subject());
    }

    @PostMapping("/tenants/{tenantId}/invoices")
    @RequiresPolicy(value = "private", permissions = "invoices:write")
    Map<String, Object> createInvoice(@PathVariable String tenantId, AuthenticatedUser user) {
        return Map.of("tenant", tenantId, "created", tenantId + "-0003", "caller", user.subject());
    }
}
