package io.policyauth.autoconfigure.apikey;

import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.ApplicationClock;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.policyauth.apikey.ApiKeyFormat;
import io.policyauth.apikey.ApiKeyLookup;
import io.policyauth.apikey.ApiKeyLookupSettings;
import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.apikey.ApiKeyStore;
import io.policyauth.apikey.DbApiKeyExecutor;
import io.policyauth.apikey.KeyRevocationFeed;
import io.policyauth.apikey.LastUsedRecorder;
import io.policyauth.apikey.StorePreparation;
import io.policyauth.apikey.UsageRecorder;
import io.policyauth.apikey.mongo.MongoApiKeyStore;
import io.policyauth.autoconfigure.ratelimit.ConfiguredRateLimits;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.ClientAddressSource;
import io.policyauth.core.CreditLedger;
import io.policyauth.network.CidrAddressRanges;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code db_api_key} policy: per-client keys in MongoDB. Registered when Spring Data MongoDB
 * and Caffeine are on the class path and a {@link MongoOperations} bean (Spring Boot's
 * {@code mongoTemplate}, connected by {@code spring.mongodb.*}) or an {@link ApiKeyStore} bean
 * exists. Keys live in the database of the template named {@value #KEYS_MONGO_TEMPLATE} when the
 * application defines one, otherwise in that of its primary template. Nothing here talks to
 * MongoDB at start: indexes are created when the policy is activated because an endpoint uses it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnPolicyAuthEnabled
@EnableConfigurationProperties(ApiKeyProperties.class)
public final class DbApiKeyPolicyAutoConfiguration {

    /** Name of an optional {@link MongoOperations} bean dedicated to API keys. */
    public static final String KEYS_MONGO_TEMPLATE = "policyAuthApiKeyMongoTemplate";

    @Bean
    @ConditionalOnMissingBean
    ApiKeyFormat policyAuthApiKeyFormat(ApiKeyProperties apiKey) {
        return new ApiKeyFormat(apiKey.getPrefix());
    }

    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    @ConditionalOnMissingBean
    KeyRevocationFeed policyAuthKeyRevocationFeed(ApiKeyStore store, ApiKeyProperties apiKey,
            ObjectProvider<Clock> clock, BackgroundTasks tasks) {
        return new KeyRevocationFeed(store, apiKey.getRevocationRefreshInterval(), apiKey.getRevocationMaxStaleness(),
                ApplicationClock.of(clock), tasks);
    }

    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    @ConditionalOnMissingBean
    ApiKeyLookup policyAuthApiKeyLookup(ApiKeyStore store, ApiKeyProperties apiKey,
            KeyRevocationFeed revocations, ObjectProvider<MeterRegistry> meterRegistry) {
        return new ApiKeyLookup(store, new ApiKeyLookupSettings(apiKey.getCacheTtl(), apiKey.getNegativeCacheTtl(),
                apiKey.getCacheSize(), apiKey.getMaxConcurrentLookups()), revocations,
                meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    @ConditionalOnMissingBean
    StorePreparation policyAuthApiKeyStorePreparation(ApiKeyStore store, ObjectProvider<Clock> clock) {
        return new StorePreparation(store, ApplicationClock.of(clock));
    }

    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    @ConditionalOnMissingBean
    LastUsedRecorder policyAuthApiKeyLastUsedRecorder(ApiKeyStore store, ApiKeyProperties apiKey,
            ObjectProvider<MeterRegistry> meterRegistry, BackgroundTasks tasks, ObjectProvider<Clock> clock) {
        return new LastUsedRecorder(store, apiKey.getLastUsedBufferSize(), apiKey.getLastUsedFlushInterval(),
                meterRegistry.getIfAvailable(() -> Metrics.globalRegistry), tasks, ApplicationClock.of(clock));
    }

    /* A decision listener and told of credits spent: usage per key and day, written as last use is. */
    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    @ConditionalOnMissingBean
    UsageRecorder policyAuthApiKeyUsageRecorder(ApiKeyStore store, ApiKeyProperties apiKey,
            ObjectProvider<MeterRegistry> meterRegistry, BackgroundTasks tasks, ObjectProvider<Clock> clock) {
        return new UsageRecorder(store, apiKey.getLastUsedBufferSize(), apiKey.getLastUsedFlushInterval(),
                meterRegistry.getIfAvailable(() -> Metrics.globalRegistry), tasks, ApplicationClock.of(clock));
    }

    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    @ConditionalOnMissingBean
    ApiKeyManager policyAuthApiKeyManager(ApiKeyStore store, ApiKeyFormat format, ApiKeyLookup lookup,
            StorePreparation preparation, ObjectProvider<Clock> clock, ConfiguredKeyControls controls,
            ObjectProvider<CreditLedger> credits) {
        return new ApiKeyManager(store, format, lookup, preparation, ApplicationClock.of(clock), controls,
                controls.enforcement(), credits.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    ConfiguredKeyControls policyAuthKeyControls(ApiKeyProperties apiKey,
            ObjectProvider<ConfiguredRateLimits> rateLimits, ObjectProvider<ClientAddressSource> addresses) {
        ConfiguredRateLimits limits = rateLimits.getIfAvailable();
        return new ConfiguredKeyControls(apiKey, name -> limits != null && limits.isConfigured(name),
                addresses.getIfAvailable(() -> ClientAddressSource.PEER), new CidrAddressRanges());
    }

    @Bean
    @ConditionalOnBean(ApiKeyStore.class)
    @ConditionalOnMissingBean
    DbApiKeyExecutor policyAuthDbApiKeyExecutor(ApiKeyProperties apiKey, ApiKeyFormat format,
            ApiKeyLookup lookup, LastUsedRecorder lastUsed, StorePreparation preparation,
            ObjectProvider<Clock> clock, ConfiguredKeyControls controls) {
        return new DbApiKeyExecutor(apiKey.getHeaderName(), format, lookup, lastUsed, preparation,
                ApplicationClock.of(clock), controls.enforcement());
    }

    /** The MongoDB store; a member class so that its bean exists before the conditions above are read. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MongoOperations.class)
    static class MongoStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean(ApiKeyStore.class)
        MongoApiKeyStore policyAuthApiKeyStore(ApiKeyProperties apiKey, BeanFactory beans,
                ObjectProvider<MongoOperations> templates) {
            MongoOperations mongo = beans.containsBean(KEYS_MONGO_TEMPLATE)
                    ? beans.getBean(KEYS_MONGO_TEMPLATE, MongoOperations.class) : templates.getObject();
            return new MongoApiKeyStore(mongo, apiKey.getCollection(), apiKey.getLookupTimeout(),
                    apiKey.getManagementTimeout());
        }
    }
}
