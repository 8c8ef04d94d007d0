package io.policyauth.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

class SampledReadsTests {

    private final AtomicLong nanos = new AtomicLong();
    private final Cache<String, String> cache = Caffeine.newBuilder().maximumSize(100).executor(Runnable::run)
            .expireAfterWrite(Duration.ofMinutes(1)).ticker(nanos::get).recordStats().build();
    private final SampledReads<String, String> reads = new SampledReads<>(cache);

    @Test
    void readsFindWhatIsHeldUntilItExpires() {
        cache.put("key", "value");

        assertThat(reads.getIfPresent("key")).isEqualTo("value");
        assertThat(reads.getIfPresentQuietly("key")).isEqualTo("value");
        assertThat(reads.getIfPresent("other")).isNull();

        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        for (int i = 0; i < 3 * SampledReads.RECORDED_ONE_IN; i++) {
            assertThat(reads.getIfPresent("key")).isNull();
        }
        assertThat(reads.getIfPresentQuietly("key")).isNull();
    }

    @Test
    void aboutOneReadInSoManyIsRecordedForTheEvictionPolicy() {
        cache.put("key", "value");
        int total = 100 * SampledReads.RECORDED_ONE_IN;

        for (int i = 0; i < total; i++) {
            reads.getIfPresent("key");
        }

        // A recorded read counts as a hit; about 100 are expected, and 30 or 300 is 7 deviations away.
        assertThat(cache.stats().hitCount()).isBetween(30L, 300L);
    }

    @Test
    void aQuietReadIsNeverRecorded() {
        cache.put("key", "value");

        for (int i = 0; i < 10 * SampledReads.RECORDED_ONE_IN; i++) {
            reads.getIfPresentQuietly("key");
        }

        assertThat(cache.stats().hitCount()).isZero();
    }

    @Test
    void getLoadsWhatIsNotHeldOnce() {
        AtomicLong loads = new AtomicLong();

        for (int i = 0; i < 2 * SampledReads.RECORDED_ONE_IN; i++) {
            assertThat(reads.get("key", key -> key + "-" + loads.incrementAndGet())).isEqualTo("key-1");
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void aRefreshingCacheIsReadFreshUntilAnEntryIsDueAndThenNotAtAll() {
        Cache<String, String> refreshing = Caffeine.newBuilder().executor(Runnable::run).ticker(nanos::get)
                .refreshAfterWrite(Duration.ofMinutes(1)).build(key -> key + "-reloaded");
        SampledReads<String, String> fresh = new SampledReads<>(refreshing);
        refreshing.put("key", "value");

        assertThat(fresh.getIfFresh("key")).isEqualTo("value");
        assertThat(fresh.getIfFresh("other")).isNull();

        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(fresh.getIfFresh("key")).as("due after its time, not at it").isEqualTo("value");
        nanos.incrementAndGet();
        for (int i = 0; i < 3 * SampledReads.RECORDED_ONE_IN; i++) {
            assertThat(fresh.getIfFresh("key")).as("due: the cache itself is read, which reloads it").isNull();
        }
        refreshing.getIfPresent("key");
        assertThat(fresh.getIfFresh("key")).as("reloaded on this thread").isEqualTo("key-reloaded");
    }

    @Test
    void aCacheWhoseEntriesExpireAfterAccessIsRefused() {
        Cache<String, String> accessed = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(1)).build();

        assertThatIllegalArgumentException().isThrownBy(() -> new SampledReads<>(accessed))
                .withMessageContaining("keep an entry alive");
    }
}
