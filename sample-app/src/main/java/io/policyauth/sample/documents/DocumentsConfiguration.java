package io.policyauth.sample.documents;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.policyauth.resource.ResourceAttributes;

/**
 * Shared documents in the sample's MongoDB, when a resource engine is configured (profile
 * {@code documents}): a few of tenants acme and globex to try the checks on, and their attributes
 * as Cerbos's policies read them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("policy-auth.resources.engine")
public class DocumentsConfiguration {

    /** The collection the documents live in. */
    public static final String COLLECTION = "documents";

    /* Attribute as policies name it -> field of the stored document (application-documents.yml says the same). */
    private static final Map<String, String> FIELDS = Map.of("owner", "ownerId", "tenant", "tenantId",
            "sharedWith", "sharedWith", "status", "status");

    @Bean
    ApplicationRunner sampleDocuments(MongoTemplate mongo) {
        return arguments -> {
            if (mongo.getCollection(COLLECTION).countDocuments() > 0) {
                return;
            }
            mongo.insert(List.of(
                    document("plan", "Plan for 2027", "acme", "alice", List.of("bob"), "published"),
                    document("notes", "Alice's notes", "acme", "alice", List.of("bob"), "draft"),
                    document("budget", "Bob's budget", "acme", "bob", List.of(), "published"),
                    document("roadmap", "Globex roadmap", "globex", "gina", List.of("bob"), "published")),
                    COLLECTION);
        };
    }

    @Bean
    ResourceAttributes documentAttributes(MongoTemplate mongo) {
        return ResourceAttributes.of("document", id -> Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION))
                .map(DocumentsConfiguration::attributes));
    }

    static Map<String, Object> attributes(Document stored) {
        return Map.of("owner", stored.getString("ownerId"), "tenant", stored.getString("tenantId"),
                "sharedWith", stored.getList("sharedWith", String.class), "status", stored.getString("status"));
    }

    private static Document document(String id, String title, String tenant, String owner, List<String> sharedWith,
            String status) {
        return new Document(Map.of("_id", id, "title", title, FIELDS.get("tenant"), tenant, FIELDS.get("owner"), owner,
                FIELDS.get("sharedWith"), sharedWith, FIELDS.get("status"), status));
    }
}
