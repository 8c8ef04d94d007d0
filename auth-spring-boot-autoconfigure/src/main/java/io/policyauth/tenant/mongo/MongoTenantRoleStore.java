package io.policyauth.tenant.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.tenant.TenantMember;
import io.policyauth.tenant.TenantRole;
import io.policyauth.tenant.TenantRoleStore;

/**
 * Tenants' roles and members in MongoDB, one document per role ({@code tenant_roles}) and per
 * membership ({@code tenant_members}), shared by every instance. A removal leaves a tombstone, and
 * every change is stamped with the server's clock ({@code $currentDate}), so other instances read
 * what changed since their last read ({@link #changesSince}). Tenants, names and subjects are only
 * ever compared by equality, so nothing a client sends becomes a query operator. Every operation
 * runs under the driver's operation timeout; a failure is a 503 to the request that needed it.
 */
public final class MongoTenantRoleStore implements TenantRoleStore {

    private static final String TENANT = "tenant";
    private static final String NAME = "name";
    private static final String PERMISSIONS = "permissions";
    private static final String DESCRIPTION = "description";
    private static final String SUBJECT = "subject";
    private static final String ROLES = "roles";
    private static final String DELETED = "deleted";
    private static final String CHANGED_AT = "changedAt";

    private final MongoOperations mongo;
    private final String rolesCollection;
    private final String membersCollection;
    private final long readTimeoutMillis;
    private final long writeTimeoutMillis;
    private volatile boolean prepared;

    /**
     * @param mongo the template whose database holds the collections
     * @param rolesCollection the roles' collection, {@code tenant_roles}
     * @param membersCollection the memberships' collection, {@code tenant_members}
     * @param readTimeout time limit of a read a decision waits for
     * @param writeTimeout time limit of a change, a list and index creation
     */
    public MongoTenantRoleStore(MongoOperations mongo, String rolesCollection, String membersCollection,
            Duration readTimeout, Duration writeTimeout) {
        this.mongo = mongo;
        this.rolesCollection = rolesCollection;
        this.membersCollection = membersCollection;
        this.readTimeoutMillis = readTimeout.toMillis();
        this.writeTimeoutMillis = writeTimeout.toMillis();
    }

    @Override
    public Map<String, TenantRole> roles(String tenant) {
        List<Document> documents = run(rolesCollection, "read a tenant's roles", readTimeoutMillis,
                roles -> roles.find(live(Filters.eq(TENANT, tenant))).into(new ArrayList<>()));
        Map<String, TenantRole> byName = new TreeMap<>();
        for (Document document : documents) {
            TenantRole role = role(document);
            byName.put(role.name(), role);
        }
        return Collections.unmodifiableMap(byName);
    }

    @Override
    public Set<String> memberRoles(String tenant, String subject) {
        return member(tenant, subject, readTimeoutMillis).map(TenantMember::roles).orElse(Set.of());
    }

    @Override
    public void saveRole(String tenant, TenantRole role) {
        prepare();
        Bson update = Updates.combine(Updates.set(PERMISSIONS, List.copyOf(role.permissions())),
                Updates.set(DESCRIPTION, role.description()), Updates.set(DELETED, false),
                Updates.currentDate(CHANGED_AT));
        run(rolesCollection, "save a tenant's role", writeTimeoutMillis, roles -> roles.updateOne(
                Filters.and(Filters.eq(TENANT, tenant), Filters.eq(NAME, role.name())), update,
                new UpdateOptions().upsert(true)));
    }

    @Override
    public boolean deleteRole(String tenant, String name) {
        return run(rolesCollection, "remove a tenant's role", writeTimeoutMillis, roles -> roles.updateOne(
                live(Filters.and(Filters.eq(TENANT, tenant), Filters.eq(NAME, name))), tombstone())
                .getModifiedCount() > 0);
    }

    @Override
    public Optional<TenantMember> member(String tenant, String subject) {
        return member(tenant, subject, writeTimeoutMillis);
    }

    @Override
    public void saveMember(String tenant, TenantMember member) {
        prepare();
        Bson update = Updates.combine(Updates.set(ROLES, List.copyOf(member.roles())), Updates.set(DELETED, false),
                Updates.currentDate(CHANGED_AT));
        run(membersCollection, "save a tenant's member", writeTimeoutMillis, members -> members.updateOne(
                Filters.and(Filters.eq(TENANT, tenant), Filters.eq(SUBJECT, member.subject())), update,
                new UpdateOptions().upsert(true)));
    }

    @Override
    public boolean deleteMember(String tenant, String subject) {
        return run(membersCollection, "remove a tenant's member", writeTimeoutMillis, members -> members.updateOne(
                live(Filters.and(Filters.eq(TENANT, tenant), Filters.eq(SUBJECT, subject))), tombstone())
                .getModifiedCount() > 0);
    }

    @Override
    public List<TenantMember> members(String tenant, int offset, int limit) {
        return members(live(Filters.eq(TENANT, tenant)), offset, limit);
    }

    @Override
    public List<TenantMember> membersWithAnyRole(String tenant, Set<String> roles, int limit) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return members(live(Filters.and(Filters.eq(TENANT, tenant), Filters.in(ROLES, roles))), 0, limit);
    }

    @Override
    public Optional<Instant> latestChange() {
        return Stream.of(newest(rolesCollection), newest(membersCollection)).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    @Override
    public List<TenantStamp> changesSince(Instant since) {
        List<TenantStamp> changes = new ArrayList<>(changes(rolesCollection, since));
        changes.addAll(changes(membersCollection, since));
        changes.sort((one, other) -> one.changedAt().compareTo(other.changedAt()));
        return changes;
    }

    /** Creates the unique indexes before the first write; a failure is retried by the next one. */
    private void prepare() {
        if (prepared) {
            return;
        }
        run(rolesCollection, "create indexes", writeTimeoutMillis, roles -> {
            roles.createIndex(Indexes.ascending(TENANT, NAME), new IndexOptions().name("tenant_name").unique(true));
            return roles.createIndex(Indexes.ascending(CHANGED_AT), new IndexOptions().name(CHANGED_AT));
        });
        run(membersCollection, "create indexes", writeTimeoutMillis, members -> {
            members.createIndex(Indexes.ascending(TENANT, SUBJECT),
                    new IndexOptions().name("tenant_subject").unique(true));
            members.createIndex(Indexes.ascending(TENANT, ROLES), new IndexOptions().name("tenant_roles"));
            return members.createIndex(Indexes.ascending(CHANGED_AT), new IndexOptions().name(CHANGED_AT));
        });
        prepared = true;
    }

    private Optional<TenantMember> member(String tenant, String subject, long timeoutMillis) {
        return Optional.ofNullable(run(membersCollection, "read a tenant's member", timeoutMillis, members -> members
                .find(live(Filters.and(Filters.eq(TENANT, tenant), Filters.eq(SUBJECT, subject)))).first()))
                .map(MongoTenantRoleStore::member);
    }

    private List<TenantMember> members(Bson filter, int offset, int limit) {
        List<Document> documents = run(membersCollection, "list a tenant's members", writeTimeoutMillis,
                members -> members.find(filter).sort(Sorts.ascending(SUBJECT)).skip(offset).limit(limit)
                        .into(new ArrayList<>()));
        return documents.stream().map(MongoTenantRoleStore::member).toList();
    }

    private Optional<Instant> newest(String collection) {
        return Optional.ofNullable(run(collection, "find the latest tenant change", readTimeoutMillis,
                documents -> documents.find(Filters.exists(CHANGED_AT)).projection(Projections.include(CHANGED_AT))
                        .sort(Sorts.descending(CHANGED_AT)).limit(1).first()))
                .map(document -> document.getDate(CHANGED_AT).toInstant());
    }

    private List<TenantStamp> changes(String collection, Instant since) {
        List<Document> documents = run(collection, "read tenant changes", readTimeoutMillis, changed -> changed
                .find(Filters.gte(CHANGED_AT, Date.from(since))).projection(Projections.include(TENANT, CHANGED_AT))
                .into(new ArrayList<>()));
        List<TenantStamp> stamps = new ArrayList<>(documents.size());
        for (Document document : documents) {
            if (document.get(TENANT) instanceof String tenant && document.get(CHANGED_AT) instanceof Date at) {
                stamps.add(new TenantStamp(tenant, at.toInstant()));
            }
        }
        return stamps;
    }

    private static Bson live(Bson filter) {
        return Filters.and(filter, Filters.ne(DELETED, true));
    }

    private static Bson tombstone() {
        return Updates.combine(Updates.set(DELETED, true), Updates.currentDate(CHANGED_AT));
    }

    private static TenantRole role(Document document) {
        return new TenantRole(document.getString(NAME), strings(document, PERMISSIONS),
                document.getString(DESCRIPTION));
    }

    private static TenantMember member(Document document) {
        return new TenantMember(document.getString(SUBJECT), strings(document, ROLES));
    }

    private static Set<String> strings(Document document, String field) {
        Set<String> strings = new LinkedHashSet<>();
        if (document.get(field) instanceof List<?> values) {
            values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(strings::add);
        }
        return strings;
    }

    private <T> T run(String collection, String action, long timeoutMillis, CollectionCallback<T> operation) {
        try {
            return mongo.execute(collection,
                    documents -> operation.doInCollection(documents.withTimeout(timeoutMillis, TimeUnit.MILLISECONDS)));
        }
        catch (DataAccessException | MongoException failure) {
            throw new AuthUnavailableException("tenant_store_unavailable",
                    "Tenant roles cannot be read or changed right now. Try again later.", null,
                    new IllegalStateException("MongoDB could not " + action + " in '" + collection + "'", failure));
        }
    }
}
