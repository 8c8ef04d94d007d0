package io.policyauth.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A number of uses a caller (an API key) may spend, each request costing the endpoint's cost,
 * refilled to the amount at the start of each period (UTC) or never.
 *
 * @param amount the uses per period, at least 1
 * @param refill when the amount is given again
 */
public record CreditAllowance(long amount, Refill refill) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    public CreditAllowance {
        Objects.requireNonNull(refill, "refill");
        if (amount < 1) {
            throw new IllegalArgumentException("credits must be at least 1, got " + amount);
        }
    }

    /**
     * @param now a time
     * @return the period it falls in, as credits are counted: the UTC day, the UTC month, or
     *         {@code all} for credits never refilled
     */
    public String period(Instant now) {
        return switch (refill) {
            case DAILY -> DAY.format(now);
            case MONTHLY -> MONTH.format(now);
            case NONE -> "all";
        };
    }

    /** When credits are given again. */
    public enum Refill {
        /** Never: spent is spent, until someone adds more. */
        NONE,
        /** At 00:00 UTC each day. */
        DAILY,
        /** At 00:00 UTC on the first of each month. */
        MONTHLY
    }
}
