package io.policyauth.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.resource.mongo.MongoResourceFilters;

/**
 * Whatever an engine answers, a caller stays inside its tenant: another tenant's resource is refused
 * without asking it, and every list query, over the real MongoDB driver, is restricted to the
 * caller's tenant; a cross-tenant role lifts both.
 */
class TenantScopedResourceAuthorizerTests {

    private static EmbeddedMongo mongo;

    private final AllowingEverything engine = new AllowingEverything();
    private final TenantScopedResourceAuthorizer scoped = new TenantScopedResourceAuthorizer(engine,
            Set.of("support"));
    private final MongoResourceFilters filters = new MongoResourceFilters(Map.of("document",
            Map.of("tenant", "tenantId", "owner", "ownerId")));
    private final Resource acme = new Resource("document", "a1", Map.of("tenant", "acme"));
    private final Resource globex = new Resource("document", "g1", Map.of("tenant", "globex"));

    @BeforeAll
    static void start() {
        mongo = new EmbeddedMongo();
        mongo.template().dropCollection("documents");
        for (String[] document : new String[][] {{"a1", "acme", "ann"}, {"a2", "acme", "bob"},
            {"g1", "globex", "ann"}}) {
            mongo.template().insert(new Document(Map.of("_id", document[0], "tenantId", document[1],
                    "ownerId", document[2])), "documents");
        }
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void anotherTenantsResourceIsRefusedWithoutAskingTheEngine() {
        AuthenticatedUser ann = user("ann", "acme");

        assertThat(scoped.check(ann, acme, "read").allowed()).isTrue();
        ResourceDecision refused = scoped.check(ann, globex, "read");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.policy()).isEqualTo(TenantScopedResourceAuthorizer.ISOLATION_POLICY);
        assertThat(scoped.checkAll(ann, List.of(globex, acme, globex), List.of("read", "update")))
                .extracting(decision -> decision.resource().id() + " " + decision.action() + " " + decision.allowed())
                .containsExactly("g1 read false", "g1 update false", "a1 read true", "a1 update true",
                        "g1 read false", "g1 update false");
        assertThat(engine.asked).containsExactly("a1", "a1");
    }

    @Test
    void everyListQueryIsRestrictedToTheCallersTenant() {
        assertThat(find(scoped.plan(user("ann", "acme"), "document", "read"))).containsExactly("a1", "a2");
        engine.plan = new ResourceFilter.Conditional(new FilterExpression.Operation("eq",
                List.of(new FilterExpression.Attribute("owner"), new FilterExpression.Value("ann"))));
        assertThat(find(scoped.plan(user("ann", "acme"), "document", "read"))).containsExactly("a1");
        engine.plan = ResourceFilter.ALWAYS_DENIED;
        assertThat(find(scoped.plan(user("ann", "acme"), "document", "read"))).isEmpty();
    }

    @Test
    void aCrossTenantRoleActsInEveryTenant() {
        AuthenticatedUser support = AuthenticatedUser.builder("sam", "jwt").tenant("acme").roles(Set.of("support"))
                .build();

        assertThat(scoped.check(support, globex, "read").allowed()).isTrue();
        assertThat(find(scoped.plan(support, "document", "read"))).containsExactly("a1", "a2", "g1");
    }

    private List<String> find(ResourceFilter plan) {
        return mongo.template().find(Query.query(filters.toCriteria(plan, "document")), Document.class, "documents")
                .stream().map(document -> document.getString("_id")).sorted().toList();
    }

    private static AuthenticatedUser user(String subject, String tenant) {
        return AuthenticatedUser.builder(subject, "jwt").tenant(tenant).build();
    }

    /** An engine whose policies let anyone do anything, or plan as told. */
    private static final class AllowingEverything implements ResourceAuthorizer {

        final List<String> asked = new ArrayList<>();
        ResourceFilter plan = ResourceFilter.ALWAYS_ALLOWED;

        @Override
        public ResourceDecision check(AuthenticatedUser user, Resource resource, String action) {
            return checkAll(user, List.of(resource), List.of(action)).get(0);
        }

        @Override
        public List<ResourceDecision> checkAll(AuthenticatedUser user, List<Resource> resources,
                Collection<String> actions) {
            List<ResourceDecision> decisions = new ArrayList<>();
            for (Resource resource : resources) {
                asked.add(resource.id());
                actions.forEach(action -> decisions.add(new ResourceDecision(resource, action, true, null)));
            }
            return decisions;
        }

        @Override
        public ResourceFilter plan(AuthenticatedUser user, String kind, String action) {
            return plan;
        }
    }
}
