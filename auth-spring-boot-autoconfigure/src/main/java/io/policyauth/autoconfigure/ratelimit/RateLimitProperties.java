package io.policyauth.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.ratelimit.RateLimitKey;

/**
 * Rate limits by name, under {@code policy-auth.rate-limits.<name>}: each counts the callers of the
 * named policies that name it ({@code policy-auth.policies.<name>.rate-limit}). The settings beside
 * them ({@link RateLimitStoreProperties}) share the prefix, so the limits are bound by
 * {@link #bind(Environment)}, which leaves those names out.
 */
@ConfigurationProperties("policy-auth")
public class RateLimitProperties {

    private static final ConfigurationPropertyName LIMITS = ConfigurationPropertyName.of(ConfiguredRateLimits.PREFIX);

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

    /**
     * @param environment the application's environment
     * @return the limits configured under {@code policy-auth.rate-limits}, the settings left out
     * @throws PolicyAuthConfigurationException for a limit named as a setting
     */
    static RateLimitProperties bind(Environment environment) {
        List<String> limitsNamedAsSettings = new ArrayList<>();
        RateLimitProperties properties = new RateLimitProperties();
        Binder.get(environment).bind(ConfiguredRateLimits.PREFIX, Bindable.mapOf(String.class, Limit.class),
                new BindHandler() {
                    @Override
                    public <T> @Nullable Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target,
                            BindContext context) {
                        String last = name.getLastElement(ConfigurationPropertyName.Form.DASHED);
                        if (!LIMITS.equals(name.getParent()) || !RateLimitStoreProperties.SETTINGS.contains(last)) {
                            return target;
                        }
                        for (ConfigurationPropertySource source : context.getSources()) {
                            if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                                limitsNamedAsSettings.add(name.toString());
                            }
                        }
                        return null;
                    }
                }).ifBound(properties::setRateLimits);
        if (!limitsNamedAsSettings.isEmpty()) {
            throw new PolicyAuthConfigurationException(limitsNamedAsSettings.get(0) + " is a setting of the rate "
                    + "limits, not a limit: name the limit otherwise", "Rename the limit; "
                    + RateLimitStoreProperties.SETTINGS + " are the settings of " + ConfiguredRateLimits.PREFIX + ".");
        }
        return properties;
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
