package io.policyauth.test.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.web.RequiresPolicy;

/** An endpoint under a rate limit. */
@RestController
public class ExportController {

    @GetMapping("/exports")
    @RequiresPolicy(value = "private", rateLimit = "exports")
    public String export() {
        return "exported";
    }
}
