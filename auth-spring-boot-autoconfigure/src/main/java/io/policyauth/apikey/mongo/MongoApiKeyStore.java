package io.policyauth.apikey.mongo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.policyauth.apikey.ApiKeyStore;
import io.policyauth.apikey.ApiKeyStoreException;
import io.policyauth.apikey.KeyControls;
import io.policyauth.apikey.KeyUsage;
import io.policyauth.apikey.StoredApiKey;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.mongodb.core.MongoOperations;

import static io.policyauth.apikey.mongo.ApiKeyDocuments.ALLOWED_CIDRS;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.CHANGED_AT;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.CREATED_AT;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.CREDITS;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.CREDITS_REFILL;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.EXPIRES_AT;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.HASH;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.ID;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.LAST_USED_AT;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.OWNER;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.PLAN;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.RATE_LIMITS;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.REVOKED_AT;
import static io.policyauth.apikey.mongo.ApiKeyDocuments.SHARED_BY_OWNER;

/**
 * Keys in one MongoDB collection, one document per key, found by equality on the hash (a hex
 * string computed here, so nothing a client sends can become a query operator).
 *
 * <p>Every operation runs under the driver's client-side operation timeout ({@code timeoutMS},
 * set per collection with {@link MongoCollection#withTimeout}), which bounds server selection,
 * connection checkout, socket reads and writes and, as {@code maxTimeMS}, the server's own work,
 * all by one deadline. So an unreachable or slow database fails a lookup within
 * {@code lookupTimeout}, while the application's own use of the same client keeps its settings.
 */
public final class MongoApiKeyStore implements ApiKeyStore {

    /** Most keys returned for one owner. */
    public static final int MAX_LIST_SIZE = 1_000;

    private static final String USAGE_KEY = "keyId";
    private static final String USAGE_DAY = "day";
    private static final String USAGE_GRANTED = "granted";
    private static final String USAGE_REFUSED = "refused";
    private static final String USAGE_CREDITS = "creditsSpent";

    private final MongoOperations mongo;
    private final String collection;
    private final long lookupTimeoutMillis;
    private final long managementTimeoutMillis;

    /**
     * @param mongo the template whose database holds the keys
     * @param collection the collection name
     * @param lookupTimeout time limit of one lookup by hash, on the request path
     * @param managementTimeout time limit of every other operation: issue, revoke, list, index
     *        creation and last-used writes
     */
    public MongoApiKeyStore(MongoOperations mongo, String collection, Duration lookupTimeout,
            Duration managementTimeout) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        if (collection == null || collection.isBlank()) {
            throw new IllegalArgumentException("The API key collection name must not be blank");
        }
        this.collection = collection;
        this.lookupTimeoutMillis = positiveMillis(lookupTimeout, "lookup timeout");
        this.managementTimeoutMillis = positiveMillis(managementTimeout, "management timeout");
    }

    /**
     * @return the collection name
     */
    public String collection() {
        return collection;
    }

    @Override
    public void prepare() {
        run("create indexes", managementTimeoutMillis, keys -> {
            keys.createIndex(Indexes.ascending(HASH), new IndexOptions().name("keyHash_unique").unique(true));
            keys.createIndex(Indexes.compoundIndex(Indexes.ascending(OWNER), Indexes.descending(CREATED_AT)),
                    new IndexOptions().name("owner_createdAt"));
            keys.createIndex(Indexes.ascending(CHANGED_AT), new IndexOptions().name("changedAt").sparse(true));
            return null;
        });
        run(usageCollection(), "create indexes", managementTimeoutMillis, days -> days.createIndex(
                Indexes.ascending(USAGE_KEY, USAGE_DAY), new IndexOptions().name("keyId_day")));
    }

    @Override
    public Optional<StoredApiKey> findByHash(String hash) {
        return run("find a key by hash", lookupTimeoutMillis,
                keys -> Optional.ofNullable(keys.find(Filters.eq(HASH, hash)).first()))
                .map(ApiKeyDocuments::fromDocument);
    }

    @Override
    public Optional<StoredApiKey> findById(String keyId) {
        return run("find a key by id", managementTimeoutMillis,
                keys -> Optional.ofNullable(keys.find(Filters.eq(ID, keyId)).first()))
                .map(ApiKeyDocuments::fromDocument);
    }

    @Override
    public void insert(StoredApiKey key) {
        run("insert a key", managementTimeoutMillis, keys -> keys.insertOne(ApiKeyDocuments.toDocument(key)));
    }

    @Override
    public boolean revoke(String keyId, Instant at) {
        return run("revoke a key", managementTimeoutMillis,
                keys -> keys.updateOne(Filters.and(Filters.eq(ID, keyId), Filters.eq(REVOKED_AT, null)),
                        Updates.combine(Updates.set(REVOKED_AT, Date.from(at)), Updates.currentDate(CHANGED_AT)))
                        .getModifiedCount() > 0);
    }

    @Override
    public boolean updateControls(String keyId, KeyControls controls) {
        Document fields = ApiKeyDocuments.controls(controls);
        List<Bson> updates = new ArrayList<>();
        for (String field : List.of(RATE_LIMITS, PLAN, ALLOWED_CIDRS, SHARED_BY_OWNER, CREDITS, CREDITS_REFILL)) {
            updates.add(fields.containsKey(field) ? Updates.set(field, fields.get(field)) : Updates.unset(field));
        }
        updates.add(Updates.currentDate(CHANGED_AT));
        return run("change a key's controls", managementTimeoutMillis,
                keys -> keys.updateOne(Filters.eq(ID, keyId), Updates.combine(updates)).getMatchedCount() > 0);
    }

    @Override
    public boolean expireBy(String keyId, Instant at) {
        return run("expire a key", managementTimeoutMillis,
                keys -> keys.updateOne(Filters.and(Filters.eq(ID, keyId), Filters.eq(REVOKED_AT, null)),
                        Updates.combine(Updates.min(EXPIRES_AT, Date.from(at)), Updates.currentDate(CHANGED_AT)))
                        .getMatchedCount() > 0);
    }

    @Override
    public Optional<Instant> latestChange() {
        return run("find the latest key change", lookupTimeoutMillis, keys -> Optional.ofNullable(keys
                .find(Filters.exists(CHANGED_AT)).projection(Projections.include(CHANGED_AT))
                .sort(Sorts.descending(CHANGED_AT)).limit(1).first()))
                .map(document -> document.getDate(CHANGED_AT).toInstant());
    }

    @Override
    public List<KeyChange> changesSince(Instant since) {
        List<Document> documents = run("read key changes", lookupTimeoutMillis, keys -> keys
                .find(Filters.gte(CHANGED_AT, Date.from(since))).projection(Projections.include(HASH, CHANGED_AT))
                .sort(Sorts.ascending(CHANGED_AT)).into(new ArrayList<>()));
        List<KeyChange> changes = new ArrayList<>(documents.size());
        for (Document document : documents) {
            if (document.get(HASH) instanceof String hash && document.get(CHANGED_AT) instanceof Date changedAt) {
                changes.add(new KeyChange(hash, changedAt.toInstant()));
            }
        }
        return changes;
    }

    @Override
    public List<StoredApiKey> findByOwner(String owner) {
        List<Document> documents = run("list keys", managementTimeoutMillis, keys -> keys
                .find(Filters.eq(OWNER, owner)).sort(Sorts.descending(CREATED_AT)).limit(MAX_LIST_SIZE)
                .into(new ArrayList<>()));
        return documents.stream().map(ApiKeyDocuments::fromDocument).toList();
    }

    @Override
    public void touchLastUsed(Map<String, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>(lastUsed.size());
        lastUsed.forEach((keyId, at) -> updates
                .add(new UpdateOneModel<>(Filters.eq(ID, keyId), Updates.max(LAST_USED_AT, Date.from(at)))));
        run("record last use", managementTimeoutMillis,
                keys -> keys.bulkWrite(updates, new BulkWriteOptions().ordered(false)));
    }

    /* One document per key and UTC day, in the collection beside the keys': counts added with $inc. */
    @Override
    public void addUsage(List<KeyUsage> usage) {
        if (usage.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>(usage.size());
        for (KeyUsage day : usage) {
            List<Bson> increments = new ArrayList<>();
            increments.add(Updates.setOnInsert(USAGE_KEY, day.keyId()));
            increments.add(Updates.setOnInsert(USAGE_DAY, day.day().toString()));
            increments.add(Updates.inc(USAGE_GRANTED, day.granted()));
            increments.add(Updates.inc(USAGE_CREDITS, day.creditsSpent()));
            day.refused().forEach((reason, count) -> increments.add(Updates.inc(USAGE_REFUSED + "." + reason, count)));
            updates.add(new UpdateOneModel<>(Filters.eq(ID, day.keyId() + "/" + day.day()),
                    Updates.combine(increments), new UpdateOptions().upsert(true)));
        }
        run(usageCollection(), "record key usage", managementTimeoutMillis,
                days -> days.bulkWrite(updates, new BulkWriteOptions().ordered(false)));
    }

    @Override
    public List<KeyUsage> usage(String keyId, LocalDate from, LocalDate to) {
        List<Document> documents = run(usageCollection(), "read key usage", managementTimeoutMillis, days -> days
                .find(Filters.and(Filters.eq(USAGE_KEY, keyId), Filters.gte(USAGE_DAY, from.toString()),
                        Filters.lte(USAGE_DAY, to.toString()))).sort(Sorts.ascending(USAGE_DAY))
                .into(new ArrayList<>()));
        List<KeyUsage> usage = new ArrayList<>(documents.size());
        for (Document day : documents) {
            Map<String, Long> refused = new TreeMap<>();
            Document byReason = day.get(USAGE_REFUSED, Document.class);
            if (byReason != null) {
                byReason.forEach((reason, count) -> refused.put(reason, ((Number) count).longValue()));
            }
            usage.add(new KeyUsage(keyId, LocalDate.parse(day.getString(USAGE_DAY)), number(day, USAGE_GRANTED),
                    refused, number(day, USAGE_CREDITS)));
        }
        return usage;
    }

    /** @return the collection of the keys' usage per day, beside the keys' */
    public String usageCollection() {
        return collection + "_usage";
    }

    private static long number(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : 0;
    }

    private <T> T run(String action, long timeoutMillis, CollectionCallback<T> operation) {
        return run(collection, action, timeoutMillis, operation);
    }

    private <T> T run(String name, String action, long timeoutMillis, CollectionCallback<T> operation) {
        try {
            return mongo.execute(name,
                    documents -> operation.doInCollection(documents.withTimeout(timeoutMillis, TimeUnit.MILLISECONDS)));
        }
        catch (DataAccessException | MongoException failure) {
            throw new ApiKeyStoreException("MongoDB could not " + action + " in collection '" + name + "'", failure);
        }
    }

    private static long positiveMillis(Duration timeout, String what) {
        if (timeout == null || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("The API key store's " + what + " must be at least 1 ms");
        }
        return timeout.toMillis();
    }
}
