package io.policyauth.sample.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.mongo.MongoResourceFilters;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;

/**
 * Shared documents: the owner updates and deletes, people in {@code sharedWith} read what is
 * published, a tenant administrator does everything in the tenant (the policies in
 * {@code cerbos/policies}); the list holds only what the caller may read, in one query.
 */
@RestController
@RequestMapping("/documents")
@ConditionalOnProperty("policy-auth.resources.engine")
class DocumentController {

    private final MongoTemplate mongo;
    private final ResourceAuthorizer resources;
    private final MongoResourceFilters filters;

    DocumentController(MongoTemplate mongo, ResourceAuthorizer resources, MongoResourceFilters filters) {
        this.mongo = mongo;
        this.resources = resources;
        this.filters = filters;
    }

    /* Under tenancy the plan also keeps the caller in its tenant, whatever the policies say. */
    @GetMapping
    @RequiresPolicy("private")
    List<Map<String, Object>> readable(AuthenticatedUser user) {
        Criteria readable = filters.toCriteria(resources.plan(user, "document", "read"), "document");
        return mongo.find(Query.query(readable), Document.class, DocumentsConfiguration.COLLECTION).stream()
                .map(DocumentController::view).toList();
    }

    @GetMapping("/{documentId}")
    @RequiresPolicy("private")
    @RequiresResource(kind = "document", id = "{documentId}")
    Map<String, Object> read(@PathVariable String documentId) {
        return view(find(documentId));
    }

    @PutMapping("/{documentId}")
    @RequiresPolicy("private")
    @RequiresResource(kind = "document", id = "{documentId}")
    Map<String, Object> update(@PathVariable String documentId, @RequestBody Map<String, String> change) {
        String title = change.getOrDefault("title", "");
        mongo.updateFirst(byId(documentId), Update.update("title", title), DocumentsConfiguration.COLLECTION);
        return view(find(documentId));
    }

    @DeleteMapping("/{documentId}")
    @RequiresPolicy("private")
    @RequiresResource(kind = "document", id = "{documentId}")
    Map<String, Object> delete(@PathVariable String documentId) {
        mongo.remove(byId(documentId), DocumentsConfiguration.COLLECTION);
        return Map.of("deleted", documentId);
    }

    private Document find(String id) {
        Document found = mongo.findOne(byId(id), Document.class, DocumentsConfiguration.COLLECTION);
        if (found == null) {
            // Deleted between the check and this read.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return found;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Map<String, Object> view(Document stored) {
        Map<String, Object> view = new LinkedHashMap<>(DocumentsConfiguration.attributes(stored));
        view.put("id", stored.getString("_id"));
        view.put("title", stored.getString("title"));
        return view;
    }
}
