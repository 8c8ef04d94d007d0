package io.policyauth.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.policyauth.ratelimit.RateLimitKey;

/**
 * Rate limits by name, under {@code policy-auth.rate-limits.<name>}: each counts the callers of the
 * named policies that name it ({@code policy-auth.policies.<name>.rate-limit}).
 */
@ConfigurationProperties("policy-auth")
public class RateLimitProperties {

    /**
     * Rate limits by name: limit requests per window (per), with room for burst more at once,
     * counted by key (caller, tenant, api-key or client-address). The names store, on-store-failure
     * and local-batch are reserved for settings.
     */
    private Map<String, Limit> rateLimits = new LinkedHashMap<>();

    public Map<String, Limit> getRateLimits() {
        return rateLimits;
    }

    public void setRateLimits(Map<String, Limit> rateLimits) {
        this.rateLimits = rateLimits;
    }

    /** One rate limit. */
    public static class Limit {

        /** Requests admitted per window. */
        private long limit;

        /** The window, such as 1m. */
        private Duration per = Duration.ofMinutes(1);

        /** Requests admitted at once beyond the limit. */
        private long burst;

        /** What requests are counted by: caller, tenant, api-key or client-address. */
        private RateLimitKey key = RateLimitKey.CALLER;

        public long getLimit() {
            return limit;
        }

        public void setLimit(long limit) {
            this.limit = limit;
        }

        public Duration getPer() {
            return per;
        }

        public void setPer(Duration per) {
            this.per = per;
        }

        public long getBurst() {
            return burst;
        }

        public void setBurst(long burst) {
            this.burst = burst;
        }

        public RateLimitKey getKey() {
            return key;
        }

        public void setKey(RateLimitKey key) {
            this.key = key;
        }
    }
}
