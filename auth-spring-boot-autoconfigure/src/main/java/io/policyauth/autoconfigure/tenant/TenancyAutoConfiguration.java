package io.policyauth.autoconfigure.tenant;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.audit.mongo.MongoAuditSink;
import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;
import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.PermissionResolver;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.StoreChangeFeed;
import io.policyauth.core.TenantIsolation;
import io.policyauth.tenant.CachedTenantDirectory;
import io.policyauth.tenant.InMemoryTenantRoleStore;
import io.policyauth.tenant.PlatformRoles;
import io.policyauth.tenant.TenantChangeListener;
import io.policyauth.tenant.TenantChangeLog;
import io.policyauth.tenant.TenantDirectory;
import io.policyauth.tenant.TenantLimits;
import io.policyauth.tenant.TenantPermissionResolver;
import io.policyauth.tenant.TenantRoleStore;
import io.policyauth.tenant.TenantRoles;
import io.policyauth.tenant.mongo.MongoTenantRoleStore;

/**
 * Tenancy ({@code policy-auth.tenancy.enabled}): the {@link TenantIsolation} every non-public
 * endpoint is decided under, the {@link PermissionResolver} that gives callers the permissions of
 * their roles, the store of tenant-defined roles and the {@link TenantRoles} API over it. Every
 * change is written on the audit logger and published as an application event.
 */
@AutoConfiguration(before = PolicyAuthAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnPolicyAuthEnabled
@ConditionalOnBooleanProperty(TenancyProperties.PREFIX + ".enabled")
@EnableConfigurationProperties(TenancyProperties.class)
public class TenancyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantIsolation policyAuthTenantIsolation(TenancyProperties tenancy) {
        return TenancySettings.isolation(tenancy);
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformRoles policyAuthPlatformRoles(TenancyProperties tenancy) {
        return TenancySettings.platformRoles(tenancy);
    }

    @Bean
    @ConditionalOnMissingBean(TenantRoleStore.class)
    @ConditionalOnProperty(name = TenancyProperties.PREFIX + ".store", havingValue = "memory", matchIfMissing = true)
    InMemoryTenantRoleStore policyAuthTenantRoleStore() {
        return new InMemoryTenantRoleStore();
    }

    @Bean
    @ConditionalOnMissingBean
    PermissionResolver policyAuthPermissionResolver(PlatformRoles platform, ObjectProvider<TenantRoleStore> store,
            ObjectProvider<CachedTenantDirectory> cached, TenancyProperties tenancy) {
        TenantDirectory directory = cached.getIfAvailable();
        return new TenantPermissionResolver(platform, directory != null ? directory : store(store, tenancy));
    }

    @Bean
    @ConditionalOnMissingBean
    TenantRoles policyAuthTenantRoles(ObjectProvider<TenantRoleStore> stores, PlatformRoles platform,
            TenancyProperties tenancy, ObjectProvider<TenantChangeListener> listeners, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock) {
        TenantRoleStore store = store(stores, tenancy);
        List<TenantChangeListener> all = new ArrayList<>();
        all.add(new TenantChangeLog());
        all.add(events::publishEvent);
        listeners.orderedStream().forEach(all::add);
        return new TenantRoles(store, platform, Set.copyOf(tenancy.getCrossTenantRoles()),
                TenancySettings.limits(tenancy), all, ApplicationClock.of(clock));
    }

    private static TenantRoleStore store(ObjectProvider<TenantRoleStore> store, TenancyProperties tenancy) {
        TenantRoleStore found = store.getIfUnique();
        if (found == null) {
            throw new PolicyAuthConfigurationException(TenancyProperties.PREFIX + ".store=" + tenancy.getStore()
                    .name().toLowerCase(Locale.ROOT) + " has no store: it needs Spring Data MongoDB on the class "
                    + "path and a connection (spring.mongodb.uri)", "Add spring-boot-starter-data-mongodb and set "
                    + "spring.mongodb.uri, or use policy-auth.tenancy.store=memory on a single instance.");
        }
        return found;
    }

    /** Tenants' changes stored beside the decisions when the MongoDB audit store is on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoOperations.class)
    static class MongoAudit {

        @Bean
        TenantChangeListener policyAuthTenantChangeAudit(ObjectProvider<MongoAuditSink> store) {
            return change -> store.ifAvailable(sink -> sink.record("tenant_change", change.time(), Map.of(
                    "action", change.action().name().toLowerCase(Locale.ROOT), "actor", change.actor(),
                    "tenant", change.tenant(), "target", change.target(),
                    "before", String.valueOf(change.before()), "after", String.valueOf(change.after()))));
        }
    }

    /** The {@code mongo} store, shared by every instance, with a cache kept current by its change feed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoOperations.class)
    @ConditionalOnProperty(name = TenancyProperties.PREFIX + ".store", havingValue = "mongo")
    static class MongoStore {

        /* A decision waits at most this long for roles that are not in memory. */
        private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
        private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);
        private static final long CACHED_ENTRIES = 10_000;

        @Bean
        @ConditionalOnMissingBean(TenantRoleStore.class)
        @ConditionalOnBean(MongoOperations.class)
        MongoTenantRoleStore policyAuthTenantRoleStore(MongoOperations mongo) {
            return new MongoTenantRoleStore(mongo, "tenant_roles", "tenant_members", READ_TIMEOUT, WRITE_TIMEOUT);
        }

        @Bean
        @ConditionalOnBean(TenantRoleStore.class)
        CachedTenantDirectory policyAuthTenantDirectory(TenantRoleStore store, TenancyProperties tenancy,
                ObjectProvider<Clock> clock, BackgroundTasks tasks) {
            StoreChangeFeed<TenantRoleStore.TenantStamp> feed;
            try {
                feed = new StoreChangeFeed<>("tenant roles", store::latestChange, store::changesSince,
                        TenantRoleStore.TenantStamp::changedAt, tenancy.getRefreshInterval(),
                        tenancy.getMaxStaleness(), ApplicationClock.of(clock), tasks);
            }
            catch (IllegalArgumentException invalid) {
                throw new PolicyAuthConfigurationException(TenancyProperties.PREFIX + ".refresh-interval and "
                        + "max-staleness: " + invalid.getMessage(), "Set a refresh interval of at most max-staleness.",
                        invalid);
            }
            return new CachedTenantDirectory(store, feed, CACHED_ENTRIES);
        }
    }
}
