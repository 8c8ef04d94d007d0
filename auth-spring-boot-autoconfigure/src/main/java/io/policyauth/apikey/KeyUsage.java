package io.policyauth.apikey;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What one key did on one day (UTC).
 *
 * @param keyId the key id
 * @param day the UTC day
 * @param granted requests it was admitted for
 * @param refused requests refused once it was known, by reason ({@code rate_limited},
 *        {@code usage_exceeded}, {@code address_not_allowed}, {@code insufficient_scope}...)
 * @param creditsSpent credits its requests spent
 */
public record KeyUsage(String keyId, LocalDate day, long granted, Map<String, Long> refused, long creditsSpent) {

    public KeyUsage {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(day, "day");
        refused = Map.copyOf(refused);
    }
}
