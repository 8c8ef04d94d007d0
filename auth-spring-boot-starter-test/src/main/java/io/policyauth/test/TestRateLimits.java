package io.policyauth.test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits under a test's control, in every Spring test context whose application has rate
 * limits: {@link #exhaust(String)} puts every caller of a limit over it (429, as when it is really
 * spent), {@link #reset()} makes every limit full again. Test contexts are cached and shared by test
 * classes, so a test that spends or exhausts a limit resets it, for example in {@code @AfterEach}.
 *
 * <pre>{@code
 * @Autowired TestRateLimits rateLimits;
 *
 * @Test
 * void overTheLimitThe429SaysWhenToComeBack() {
 *     rateLimits.exhaust("standard");
 *     assertThat(mvc.get().uri("/reports").with(bearerToken())).hasStatus(429);
 * }
 * }</pre>
 */
public final class TestRateLimits {

    private final Set<String> exhausted = ConcurrentHashMap.newKeySet();
    private volatile long generation;

    TestRateLimits() {
    }

    /**
     * @param limit the name of a configured rate limit; every request under it is refused with 429
     *        until {@link #reset()}
     */
    public void exhaust(String limit) {
        exhausted.add(limit);
    }

    /** Every limit full again and none exhausted: what requests spent so far is forgotten. */
    public void reset() {
        exhausted.clear();
        generation++;
    }

    boolean isExhausted(String limit) {
        return exhausted.contains(limit);
    }

    /* Requests after a reset count in buckets of their own: the earlier ones are never read again. */
    long generation() {
        return generation;
    }
}
