package io.policyauth.autoconfigure;

import io.policyauth.apikey.SharedApiKeyExecutor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code shared_api_key} policy when {@value #SHARED_KEYS} is set. A key that is too
 * short or repeated fails the start; the message names the key's position, never its value.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "policy-auth.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PolicyAuthProperties.class)
public final class SharedApiKeyPolicyAutoConfiguration {

    static final String SHARED_KEYS = PolicyAuthProperties.PREFIX + ".api-key.shared-keys";

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnNonEmptyList(SHARED_KEYS)
    SharedApiKeyExecutor sharedApiKeyExecutor(PolicyAuthProperties properties) {
        PolicyAuthProperties.ApiKey apiKey = properties.getApiKey();
        try {
            return new SharedApiKeyExecutor(apiKey.getHeaderName(), apiKey.getSharedKeys());
        }
        catch (IllegalArgumentException invalid) {
            // The executor's messages name keys by position only, so this never echoes a key.
            throw new IllegalStateException(SHARED_KEYS + ": " + invalid.getMessage(), invalid);
        }
    }
}
