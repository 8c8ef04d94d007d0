package io.policyauth.benchmarks.load;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.web.RequiresPolicy;

/** The trivial endpoint under each policy. */
@RestController
class PolicyController {

    @GetMapping("/public")
    @RequiresPolicy("public")
    String publicPolicy() {
        return "ok";
    }

    @GetMapping("/internal")
    @RequiresPolicy("internal")
    String internal() {
        return "ok";
    }

    @GetMapping("/shared")
    @RequiresPolicy("shared_api_key")
    String shared() {
        return "ok";
    }

    @GetMapping("/db")
    @RequiresPolicy("db_api_key")
    String db() {
        return "ok";
    }

    @GetMapping("/private/hs256")
    @RequiresPolicy("private")
    String privateHs256() {
        return "ok";
    }

    /** The same, under a rate limit never reached: in memory, or in Redis in a run with REDIS=1. */
    @GetMapping("/private/limited")
    @RequiresPolicy(value = "private", rateLimit = "roomy")
    String privateLimited() {
        return "ok";
    }

    /** Under tenancy (a run with TENANCY=1): isolated by the path variable, with a permission required. */
    @GetMapping("/tenants/{tenantId}/private/hs256")
    @RequiresPolicy(value = "private", permissions = "invoices:read")
    String tenantPrivateHs256() {
        return "ok";
    }

    @GetMapping("/private/rs256")
    @RequiresPolicy("private_rs256")
    String privateRs256() {
        return "ok";
    }

    @GetMapping("/private/es256")
    @RequiresPolicy("private_es256")
    String privateEs256() {
        return "ok";
    }

    @GetMapping("/private/dpop")
    @RequiresPolicy("private_dpop")
    String privateDpop() {
        return "ok";
    }

    @GetMapping("/private/opaque")
    @RequiresPolicy("private_opaque")
    String privateOpaque() {
        return "ok";
    }
}
