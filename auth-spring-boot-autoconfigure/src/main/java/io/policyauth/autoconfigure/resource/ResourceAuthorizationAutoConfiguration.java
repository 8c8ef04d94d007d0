package io.policyauth.autoconfigure.resource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Criteria;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.audit.AuditProperties;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.TenantIsolation;
import io.policyauth.resource.ResourceAttributes;
import io.policyauth.resource.ResourceAuditLog;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.ResourceChecks;
import io.policyauth.resource.ResourceDecisionListener;
import io.policyauth.resource.ResourceDecisionMetrics;
import io.policyauth.resource.mongo.MongoResourceFilters;

/**
 * Resource checks on the application's {@link ResourceAuthorizer}: Cerbos's, or its own bean (another
 * engine, or a test's stand-in). Under tenancy every engine is kept inside the caller's tenant; every
 * check is counted, timed, published as a {@link io.policyauth.resource.ResourceDecisionEvent} and
 * logged on the audit logger.
 */
@AutoConfiguration(after = CerbosAutoConfiguration.class)
@ConditionalOnPolicyAuthEnabled
@ConditionalOnBean(ResourceAuthorizer.class)
@EnableConfigurationProperties(ResourcesProperties.class)
public class ResourceAuthorizationAutoConfiguration {

    @Bean
    static BeanPostProcessor policyAuthTenantScopedResources(ObjectProvider<TenantIsolation> isolation) {
        return new TenantScopedResourcesPostProcessor(isolation);
    }

    @Bean
    @ConditionalOnMissingBean
    ResourceChecks policyAuthResourceChecks(ResourceAuthorizer authorizer, ObjectProvider<ResourceAttributes> kinds,
            ResourcesProperties resources, ObjectProvider<ResourceDecisionListener> listeners,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock, ApplicationEventPublisher publisher,
            ObjectProvider<AuditProperties> audit) {
        Map<String, String> actions = new LinkedHashMap<>();
        resources.getActions().forEach((method, action) -> actions.put(method.toUpperCase(Locale.ROOT), action));
        List<ResourceDecisionListener> told = new ArrayList<>();
        told.add(new ResourceDecisionMetrics(meters.getIfAvailable(() -> Metrics.globalRegistry)));
        // As the requests' decisions are: published and logged while the audit trail is on.
        AuditProperties auditing = audit.getIfAvailable();
        if (auditing != null) {
            told.add(publisher::publishEvent);
            if (auditing.isLog()) {
                told.add(new ResourceAuditLog());
            }
        }
        listeners.orderedStream().forEach(told::add);
        try {
            return new ResourceChecks(authorizer, kinds.orderedStream().toList(), actions, resources.getDenyStatus(),
                    told, ApplicationClock.of(clock));
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(ResourcesProperties.PREFIX + ": " + invalid.getMessage(),
                    "Correct the property named above.", invalid);
        }
    }

    /** Plans as MongoDB queries, when Spring Data MongoDB is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Criteria.class)
    static class MongoFilters {

        @Bean
        @ConditionalOnMissingBean
        MongoResourceFilters policyAuthMongoResourceFilters(ResourcesProperties resources) {
            Map<String, Map<String, String>> fields = new LinkedHashMap<>();
            resources.getKinds().forEach((kind, settings) -> fields.put(kind, settings.getFields()));
            return new MongoResourceFilters(fields);
        }
    }
}
