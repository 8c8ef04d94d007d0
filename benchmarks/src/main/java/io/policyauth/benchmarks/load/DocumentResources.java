package io.policyauth.benchmarks.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.benchmarks.JwtFixture;
import io.policyauth.resource.ResourceAttributes;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;

/**
 * With a resource engine (a run with RESOURCES=1, Cerbos on loopback): the trivial endpoint under
 * {@code private} and a resource check of document d1, owned by the tokens' subject in tenant acme,
 * its attributes from memory so that the engine's answer is what is measured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("policy-auth.resources.engine")
class DocumentResources {

    private static final Map<String, Object> DOCUMENT = Map.of("tenant", "acme", "owner", JwtFixture.SUBJECT,
            "sharedWith", List.of(), "status", "published");

    @Bean
    ResourceAttributes loadDocuments() {
        return ResourceAttributes.of("document", id -> "d1".equals(id) ? Optional.of(DOCUMENT) : Optional.empty());
    }

    /* Found by the component scan on its own: the condition must be its too. */
    @RestController
    @ConditionalOnProperty("policy-auth.resources.engine")
    static class DocumentController {

        @GetMapping("/documents/{documentId}")
        @RequiresPolicy("private")
        @RequiresResource(kind = "document", id = "{documentId}")
        String document() {
            return "ok";
        }
    }
}
