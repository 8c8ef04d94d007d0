package io.policyauth.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.resource.FilterExpression;
import io.policyauth.resource.Resource;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.ResourceDecision;
import io.policyauth.resource.ResourceFilter;

/**
 * A table-driven stand-in for a policy engine, for test slices: what is allowed is listed, everything
 * else is denied. Declared as a bean, it replaces the engine; the starter's checks (tenant
 * isolation, 404 for unknown resources, deny-status, metrics and audit) run around it as around the
 * real one. Every answer is kept for assertions.
 *
 * <pre>{@code
 * @Bean
 * TestResourceAuthorizer resources() {
 *     return new TestResourceAuthorizer().allow("ann", "document", "d1", "update")
 *             .allow("*", "document", "*", "read");
 * }
 * }</pre>
 *
 * A plan lists the ids the table allows as {@code in(id, [...])} (map the attribute {@code id} to the
 * store's field to query with it), or always-allowed where a row allows every id.
 */
public final class TestResourceAuthorizer implements ResourceAuthorizer {

    /** Matches any subject, id or action in a row. */
    public static final String ANY = "*";

    /** The attribute a plan's condition reads: the resource's id. */
    public static final String ID = "id";

    private final List<Row> rows = new CopyOnWriteArrayList<>();
    private final List<ResourceDecision> answered = new CopyOnWriteArrayList<>();

    /**
     * Allows a subject an action on a resource.
     *
     * @param subject the caller's subject, or {@value #ANY}
     * @param kind the kind of resource
     * @param id the resource's id, or {@value #ANY}
     * @param action the action, or {@value #ANY}
     * @return this stand-in
     */
    public TestResourceAuthorizer allow(String subject, String kind, String id, String action) {
        rows.add(new Row(subject, kind, id, action));
        return this;
    }

    /**
     * @return every answer given, in order
     */
    public List<ResourceDecision> answered() {
        return List.copyOf(answered);
    }

    /** Forgets the rows and the answers, between tests that share a context. */
    public void reset() {
        rows.clear();
        answered.clear();
    }

    @Override
    public ResourceDecision check(AuthenticatedUser user, Resource resource, String action) {
        boolean allowed = rows.stream().anyMatch(row -> row.allows(user.subject(), resource.kind(), resource.id(),
                action));
        ResourceDecision decision = new ResourceDecision(resource, action, allowed, "test-table");
        answered.add(decision);
        return decision;
    }

    @Override
    public List<ResourceDecision> checkAll(AuthenticatedUser user, List<Resource> resources,
            Collection<String> actions) {
        List<ResourceDecision> decisions = new ArrayList<>(resources.size() * actions.size());
        for (Resource resource : resources) {
            for (String action : actions) {
                decisions.add(check(user, resource, action));
            }
        }
        return decisions;
    }

    @Override
    public ResourceFilter plan(AuthenticatedUser user, String kind, String action) {
        List<String> ids = new ArrayList<>();
        for (Row row : rows) {
            if (row.allows(user.subject(), kind, row.id(), action)) {
                if (ANY.equals(row.id())) {
                    return ResourceFilter.ALWAYS_ALLOWED;
                }
                ids.add(row.id());
            }
        }
        return ids.isEmpty() ? ResourceFilter.ALWAYS_DENIED
                : new ResourceFilter.Conditional(new FilterExpression.Operation("in",
                        List.of(new FilterExpression.Attribute(ID), new FilterExpression.Value(List.copyOf(ids)))));
    }

    private record Row(String subject, String kind, String id, String action) {

        Row {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(action, "action");
        }

        boolean allows(String caller, String askedKind, String askedId, String askedAction) {
            return kind.equals(askedKind) && matches(subject, caller) && matches(id, askedId)
                    && matches(action, askedAction);
        }

        private static boolean matches(String pattern, String value) {
            return ANY.equals(pattern) || pattern.equals(value);
        }
    }
}
