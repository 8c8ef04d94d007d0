package io.policyauth.apikey.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;

import io.policyauth.apikey.ApiKeyMetadata;
import io.policyauth.apikey.KeyControls;
import io.policyauth.apikey.StoredApiKey;
import io.policyauth.core.CreditAllowance;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** Maps keys to and from their MongoDB documents; the field names are the stored schema. */
final class ApiKeyDocuments {

    static final String ID = "_id";
    static final String HASH = "keyHash";
    static final String OWNER = "owner";
    static final String NAME = "name";
    static final String SCOPES = "scopes";
    static final String ROLES = "roles";
    static final String TENANT = "tenant";
    static final String CREATED_AT = "createdAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String REVOKED_AT = "revokedAt";
    static final String LAST_USED_AT = "lastUsedAt";
    /** When the key last stopped working early or got other controls, by the server's clock. */
    static final String CHANGED_AT = "changedAt";
    static final String RATE_LIMITS = "rateLimits";
    static final String PLAN = "plan";
    static final String ALLOWED_CIDRS = "allowedCidrs";
    static final String SHARED_BY_OWNER = "sharedByOwner";
    static final String CREDITS = "credits";
    static final String CREDITS_REFILL = "creditsRefill";

    private ApiKeyDocuments() {
    }

    static Document toDocument(StoredApiKey key) {
        ApiKeyMetadata m = key.metadata();
        Document document = new Document(ID, m.keyId()).append(HASH, key.hash()).append(OWNER, m.owner())
                .append(NAME, m.name()).append(SCOPES, List.copyOf(m.scopes())).append(ROLES, List.copyOf(m.roles()))
                .append(TENANT, m.tenant()).append(CREATED_AT, Date.from(m.createdAt()));
        if (m.expiresAt() != null) {
            document.append(EXPIRES_AT, Date.from(m.expiresAt()));
        }
        controls(m.controls()).forEach(document::append);
        return document;
    }

    /* A key without controls has none of these fields: documents of earlier versions read alike. */
    static Document controls(KeyControls controls) {
        Document fields = new Document();
        if (!controls.rateLimits().isEmpty()) {
            fields.append(RATE_LIMITS, controls.rateLimits());
        }
        if (controls.plan() != null) {
            fields.append(PLAN, controls.plan());
        }
        if (!controls.allowedCidrs().isEmpty()) {
            fields.append(ALLOWED_CIDRS, controls.allowedCidrs());
        }
        if (controls.sharedByOwner()) {
            fields.append(SHARED_BY_OWNER, true);
        }
        if (controls.credits() != null) {
            fields.append(CREDITS, controls.credits().amount()).append(CREDITS_REFILL,
                    controls.credits().refill().name());
        }
        return fields;
    }

    static StoredApiKey fromDocument(Document document) {
        ApiKeyMetadata metadata = new ApiKeyMetadata(document.getString(ID), document.getString(OWNER),
                document.getString(NAME), strings(document, SCOPES), strings(document, ROLES),
                document.getString(TENANT), instant(document, CREATED_AT), instant(document, EXPIRES_AT),
                instant(document, REVOKED_AT), instant(document, LAST_USED_AT), new KeyControls(
                        List.copyOf(strings(document, RATE_LIMITS)), document.getString(PLAN),
                        List.copyOf(strings(document, ALLOWED_CIDRS)), document.getBoolean(SHARED_BY_OWNER, false),
                        credits(document)));
        return new StoredApiKey(document.getString(HASH), metadata);
    }

    private static @Nullable CreditAllowance credits(Document document) {
        return document.get(CREDITS) instanceof Number amount ? new CreditAllowance(amount.longValue(),
                CreditAllowance.Refill.valueOf(document.getString(CREDITS_REFILL))) : null;
    }

    private static LinkedHashSet<String> strings(Document document, String field) {
        List<String> values = document.getList(field, String.class);
        return values == null ? new LinkedHashSet<>() : new LinkedHashSet<>(values);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
