package io.policyauth.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import io.policyauth.audit.ApplicationEventDecisionPublisher;
import io.policyauth.audit.AuditLogSink;

/**
 * The audit trail: every decision published as an {@code AuthDecisionEvent}, and logged on
 * {@code policy-auth.audit}.
 */
@AutoConfiguration(before = PolicyAuthAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "policy-auth.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PolicyAuthProperties.class)
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "policy-auth.audit.enabled", matchIfMissing = true)
    ApplicationEventDecisionPublisher applicationEventDecisionPublisher(ApplicationEventPublisher publisher) {
        return new ApplicationEventDecisionPublisher(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = {"policy-auth.audit.enabled", "policy-auth.audit.log"}, matchIfMissing = true)
    AuditLogSink auditLogSink() {
        return new AuditLogSink();
    }
}
