package io.policyauth.test.resource;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.resource.ResourceAttributes;
import io.policyauth.test.TestResourceAuthorizer;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;

/** Documents behind resource checks, decided by the table of a {@link TestResourceAuthorizer} the tests fill. */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
    "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
class DocumentsApplication {

    private static final Map<String, Map<String, Object>> DOCUMENTS = Map.of("d1", Map.of("owner", "ann"),
            "d2", Map.of("owner", "bob"));

    @Bean
    TestResourceAuthorizer resources() {
        return new TestResourceAuthorizer();
    }

    @Bean
    ResourceAttributes documents() {
        return ResourceAttributes.of("document", id -> Optional.ofNullable(DOCUMENTS.get(id)));
    }

    @RestController
    static class DocumentController {

        @GetMapping("/documents/{documentId}")
        @RequiresPolicy("private")
        @RequiresResource(kind = "document", id = "{documentId}")
        String read(@PathVariable String documentId) {
            return "read " + documentId;
        }

        @PutMapping("/documents/{documentId}")
        @RequiresPolicy("private")
        @RequiresResource(kind = "document", id = "{documentId}")
        String update(@PathVariable String documentId) {
            return "updated " + documentId;
        }
    }
}
