package io.policyauth.test;

import java.time.Clock;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.policyauth.apikey.ApiKeyStore;
import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.audit.AuditAutoConfiguration;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.core.DecisionListener;
import io.policyauth.jwt.InMemoryTokenDenylist;
import io.policyauth.jwt.TokenDenylist;

/**
 * What a test slice that starts no MongoDB (a {@code @WebMvcTest}) puts in place of policy-auth's
 * MongoDB stores, so that it starts with the application's configuration: a {@code db_api_key}
 * store that says what to do when a request reaches it, revocations kept in memory, and no audit
 * store (decisions are still logged and published as application events). Registered for the
 * slices only; backs off wherever a {@code MongoOperations} bean exists.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = {"io.policyauth.autoconfigure.jwt.TokenDenylistAutoConfiguration",
                "io.policyauth.autoconfigure.audit.AuditAutoConfiguration",
                "io.policyauth.autoconfigure.apikey.DbApiKeyPolicyAutoConfiguration"})
@ConditionalOnPolicyAuthEnabled
@ConditionalOnClass(name = PolicyAuthSliceStoresAutoConfiguration.MONGO_OPERATIONS)
@ConditionalOnMissingBean(type = PolicyAuthSliceStoresAutoConfiguration.MONGO_OPERATIONS)
@EnableConfigurationProperties(JwtProperties.class)
public class PolicyAuthSliceStoresAutoConfiguration {

    static final String MONGO_OPERATIONS = "org.springframework.data.mongodb.core.MongoOperations";

    @Bean
    @ConditionalOnMissingBean(ApiKeyStore.class)
    ApiKeyStore policyAuthSliceApiKeyStore() {
        return new AbsentApiKeyStore();
    }

    @Bean
    @ConditionalOnMissingBean(TokenDenylist.class)
    @ConditionalOnProperty(name = "policy-auth.jwt.denylist.store", havingValue = "mongo")
    TokenDenylist policyAuthSliceTokenDenylist(JwtProperties properties, ObjectProvider<Clock> clock) {
        LoggerFactory.getLogger(PolicyAuthSliceStoresAutoConfiguration.class).info(
                "policy-auth.jwt.denylist.store=mongo: this test context starts no MongoDB; revocations are kept "
                        + "in memory");
        return new InMemoryTokenDenylist(properties.getClockSkew(), ApplicationClock.of(clock));
    }

    @Bean(AuditAutoConfiguration.AUDIT_STORE)
    @ConditionalOnMissingBean(name = AuditAutoConfiguration.AUDIT_STORE)
    @ConditionalOnProperty(name = "policy-auth.audit.store", havingValue = "mongo")
    DecisionListener policyAuthSliceAuditStore() {
        LoggerFactory.getLogger(PolicyAuthSliceStoresAutoConfiguration.class).info(
                "policy-auth.audit.store=mongo: this test context starts no MongoDB; decisions are not stored");
        return decision -> {
        };
    }
}
