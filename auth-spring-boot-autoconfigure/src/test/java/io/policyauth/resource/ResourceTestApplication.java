package io.policyauth.resource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;

/**
 * Shared documents behind resource checks, their attributes in a map: annotated handlers, and
 * {@code /notes/{noteId}}, which a route rule's resource check guards. Resource checks are kept as
 * the application's listeners see them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
    "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
class ResourceTestApplication {

    @Bean
    ResourceEvents resourceEvents() {
        return new ResourceEvents();
    }

    @Bean
    ResourceAttributes documents() {
        return ResourceFixtures.documents();
    }

    @RestController
    static class Documents {

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

        @DeleteMapping("/documents/{documentId}")
        @RequiresPolicy("private")
        @RequiresResource(kind = "document", id = "{documentId}", action = "delete")
        String delete(@PathVariable String documentId) {
            return "deleted " + documentId;
        }

        /* Guarded by a route rule, whose pattern names the id {noteId}. */
        @GetMapping("/notes/{id}")
        String note(@PathVariable String id) {
            return "note " + id;
        }
    }

    /** The resource checks the application was told of. */
    static final class ResourceEvents {

        final List<ResourceDecisionEvent> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ResourceDecisionEvent decision) {
            seen.add(decision);
        }
    }
}
