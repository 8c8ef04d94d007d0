package io.policyauth.autoconfigure.apikey;

import io.policyauth.apikey.SharedApiKeyExecutor;
import io.policyauth.autoconfigure.ConditionalOnNonEmptyList;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.core.PolicyAuthConfigurationException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code shared_api_key} policy when {@value #SHARED_KEYS} is set. A key that is too
 * short or repeated fails the start; the message names the key's position, never its value.
 */
@AutoConfiguration
@ConditionalOnPolicyAuthEnabled
@EnableConfigurationProperties(ApiKeyProperties.class)
public final class SharedApiKeyPolicyAutoConfiguration {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Give every shared key at least 16 characters, each key once; generate "
            + "one with 'openssl rand -base64 32'.";

    static final String SHARED_KEYS = "policy-auth.api-key.shared-keys";

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnNonEmptyList(SHARED_KEYS)
    SharedApiKeyExecutor sharedApiKeyExecutor(ApiKeyProperties apiKey) {
        try {
            return new SharedApiKeyExecutor(apiKey.getHeaderName(), apiKey.getSharedKeys());
        }
        catch (IllegalArgumentException invalid) {
            // The executor's messages name keys by position only, so this never echoes a key.
            throw new PolicyAuthConfigurationException(SHARED_KEYS + ": " + invalid.getMessage(), WHAT_TO_DO, invalid);
        }
    }
}
