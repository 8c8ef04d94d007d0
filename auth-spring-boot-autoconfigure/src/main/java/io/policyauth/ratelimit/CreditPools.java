package io.policyauth.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.CreditAllowance;

/**
 * Credits as buckets: a pool of the allowance's amount, never refilled within its period, in a
 * bucket named by the period (the UTC day or month), so a new period starts from a full pool.
 */
final class CreditPools {

    /* Longer than any period, so no pool refills itself before its period's bucket is left. */
    private static final Duration DAY = Duration.ofDays(1).plusHours(1);
    private static final Duration MONTH = Duration.ofDays(32);
    private static final Duration FOREVER = Duration.ofDays(3650);

    private CreditPools() {
    }

    static RateLimit pool(CreditAllowance credits) {
        Duration per = switch (credits.refill()) {
            case DAILY -> DAY;
            case MONTHLY -> MONTH;
            case NONE -> FOREVER;
        };
        return new RateLimit("credits", credits.amount(), per, 0, RateLimitKey.API_KEY, false);
    }

    static String bucket(String holder, CreditAllowance credits, Instant now) {
        return "credits:" + holder + ":" + credits.period(now);
    }

    /* Until the next period starts (UTC), or null for credits never given again. */
    static @Nullable Duration untilRefill(CreditAllowance credits, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate next = switch (credits.refill()) {
            case DAILY -> today.plusDays(1);
            case MONTHLY -> today.withDayOfMonth(1).plusMonths(1);
            case NONE -> null;
        };
        return next == null ? null : Duration.between(now, next.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
