package io.policyauth.resource.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.resource.FilterExpression;
import io.policyauth.resource.Resource;
import io.policyauth.resource.ResourceDecision;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.ResourceFilter;
import io.policyauth.resource.TenantScopedResourceAuthorizer;
import io.policyauth.resource.cerbos.CerbosProcess;
import io.policyauth.resource.cerbos.CerbosResourceAuthorizer;
import io.policyauth.resource.cerbos.CerbosSettings;

/**
 * For many random data sets (owners, tenants, share lists, statuses) and callers, the query made
 * from the real Cerbos's plan, over the real MongoDB driver, returns exactly the documents for which
 * Cerbos's own check allows {@code read}: with the tenant as the Cerbos scope (initech's scoped
 * policy included) and the tenant restriction, as configured by default under tenancy.
 */
class MongoResourceFiltersPropertyTests {

    private static final Map<String, String> FIELDS = Map.of("owner", "ownerId", "tenant", "tenantId",
            "sharedWith", "sharedWith", "status", "status");
    private static final List<String> SUBJECTS = List.of("ann", "bob", "eve", "zed");
    private static final List<String> TENANTS = List.of("acme", "globex", "initech");

    private static CerbosProcess cerbos;
    private static ResourceAuthorizer authorizer;
    private static EmbeddedMongo mongo;
    private final MongoResourceFilters filters = new MongoResourceFilters(Map.of("document", FIELDS));

    @BeforeAll
    static void start() throws Exception {
        cerbos = CerbosProcess.start();
        // As configured by default under tenancy: the tenant as the Cerbos scope, kept inside the tenant.
        authorizer = new TenantScopedResourceAuthorizer(new CerbosResourceAuthorizer(new CerbosSettings(cerbos.url(),
                Duration.ofMillis(500), Duration.ofSeconds(5), 8, true, List.of("user"), List.of())), Set.of());
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stop() {
        if (cerbos != null) {
            cerbos.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void theFilteredQueryReturnsExactlyWhatCheckAllows() {
        MongoTemplate template = mongo.template();
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            template.dropCollection("documents");
            List<Resource> documents = documents(random, 30);
            documents.forEach(document -> template.insert(toDocument(document), "documents"));
            for (String subject : SUBJECTS) {
                for (String tenant : TENANTS) {
                    for (boolean admin : new boolean[] {false, true}) {
                        AuthenticatedUser user = AuthenticatedUser.builder(subject, "jwt").tenant(tenant)
                                .permissions(admin ? Set.of("tenant:admin") : Set.of()).build();
                        Set<String> allowed = new TreeSet<>();
                        for (ResourceDecision decision : authorizer.checkAll(user, documents, List.of("read"))) {
                            if (decision.allowed()) {
                                allowed.add(decision.resource().id());
                            }
                        }
                        ResourceFilter plan = authorizer.plan(user, "document", "read");
                        Set<String> found = new TreeSet<>();
                        template.find(Query.query(filters.toCriteria(plan, "document")), Document.class, "documents")
                                .forEach(document -> found.add(document.getString("_id")));
                        assertThat(found).as("seed %d, %s of %s%s, plan %s", seed, subject, tenant,
                                admin ? " (administrator)" : "", plan).isEqualTo(allowed);
                    }
                }
            }
        }
    }

    @Test
    void existsSelectsTheDocumentsHoldingTheField() {
        MongoTemplate template = mongo.template();
        template.dropCollection("flagged");
        template.insert(new Document(Map.of("_id", "with", "status", "draft")), "flagged");
        template.insert(new Document(Map.of("_id", "without")), "flagged");
        ResourceFilter exists = new ResourceFilter.Conditional(new FilterExpression.Operation("exists",
                List.of(new FilterExpression.Attribute("status"))));

        assertThat(template.find(Query.query(filters.toCriteria(exists, "document")), Document.class, "flagged"))
                .extracting(document -> document.getString("_id")).containsExactly("with");
    }

    @Test
    void whatCannotBeTranslatedIsRefusedNeverUnfiltered() {
        ResourceFilter unknown = new ResourceFilter.Conditional(new FilterExpression.Operation("hasIntersection",
                List.of(new FilterExpression.Attribute("sharedWith"), new FilterExpression.Value(List.of("bob")))));
        ResourceFilter unmapped = new ResourceFilter.Conditional(new FilterExpression.Operation("eq",
                List.of(new FilterExpression.Attribute("region"), new FilterExpression.Value("eu"))));

        assertThatThrownBy(() -> filters.toCriteria(unknown, "document"))
                .isInstanceOf(UntranslatableFilterException.class).hasMessageContaining("hasIntersection");
        assertThatThrownBy(() -> filters.toCriteria(unmapped, "document"))
                .isInstanceOf(UntranslatableFilterException.class).hasMessageContaining("region");
        assertThat(mongo.template().find(Query.query(filters.toCriteria(ResourceFilter.ALWAYS_DENIED, "document")),
                Document.class, "documents")).isEmpty();
    }

    private static List<Resource> documents(Random random, int count) {
        List<Resource> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> sharedWith = new ArrayList<>();
            for (String subject : SUBJECTS) {
                if (random.nextInt(3) == 0) {
                    sharedWith.add(subject);
                }
            }
            documents.add(new Resource("document", "d" + i, Map.of("owner", pick(random, SUBJECTS),
                    "tenant", pick(random, TENANTS), "sharedWith", sharedWith,
                    "status", random.nextBoolean() ? "draft" : "published")));
        }
        return documents;
    }

    private static Document toDocument(Resource resource) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("_id", resource.id());
        resource.attributes().forEach((attribute, value) -> fields.put(FIELDS.get(attribute), value));
        return new Document(fields);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
