package io.policyauth.jwt.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.jwt.dpop.DpopReplayCache;

/**
 * The DPoP proofs every instance has seen, in a MongoDB collection whose unique {@code _id} makes
 * the second use of a proof fail on whichever instance it comes, and whose TTL index drops each
 * proof once it would be too old to pass anyway. MongoDB unreachable is a 503: a proof that cannot
 * be checked for replay is not admitted.
 */
public final class MongoDpopReplayCache implements DpopReplayCache {

    static final String EXPIRES_AT = "expiresAt";

    private final MongoOperations mongo;
    private final String collection;
    private final Duration timeout;
    private volatile boolean indexed;

    /**
     * @param mongo where the proofs are stored
     * @param collection the collection name
     * @param timeout time limit of one MongoDB operation
     */
    public MongoDpopReplayCache(MongoOperations mongo, String collection, Duration timeout) {
        this.mongo = mongo;
        this.collection = collection;
        this.timeout = timeout;
    }

    @Override
    public boolean firstUse(String key, Instant until) {
        try {
            MongoCollection<Document> proofs = mongo.getCollection(collection)
                    .withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!indexed) {
                // Idempotent: instances starting together may each create it.
                proofs.createIndex(Indexes.ascending(EXPIRES_AT),
                        new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
                indexed = true;
            }
            proofs.insertOne(new Document("_id", key).append(EXPIRES_AT, Date.from(until)));
            return true;
        }
        catch (MongoWriteException written) {
            if (written.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw unavailable(written);
        }
        catch (RuntimeException failure) {
            throw unavailable(failure);
        }
    }

    @Override
    public boolean mayBlock() {
        return true;
    }

    private static AuthUnavailableException unavailable(RuntimeException failure) {
        return new AuthUnavailableException("dpop_replay_store_unavailable",
                "DPoP proofs cannot be checked for replay right now.", null, failure);
    }
}
