package io.policyauth.autoconfigure.network;

import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.ConditionalOnNonEmptyList;
import java.util.ArrayList;
import java.util.List;

import io.policyauth.network.Cidr;
import io.policyauth.network.CidrSet;
import io.policyauth.network.ClientAddressResolver;
import io.policyauth.network.InternalExecutor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Resolves client addresses behind {@value #TRUSTED_PROXIES} (for the {@code internal} policy,
 * audit and gateways alike) and registers the {@code internal} policy when {@value #ALLOWED_CIDRS}
 * is set. A bad CIDR in either fails the start, naming the property and the value.
 */
@AutoConfiguration
@ConditionalOnPolicyAuthEnabled
@EnableConfigurationProperties(InternalProperties.class)
public final class InternalPolicyAutoConfiguration {

    static final String ALLOWED_CIDRS = "policy-auth.internal.allowed-cidrs";
    static final String TRUSTED_PROXIES = "policy-auth.internal.trusted-proxies";

    @Bean
    @ConditionalOnMissingBean
    ClientAddressResolver clientAddressResolver(InternalProperties internal) {
        return new ClientAddressResolver(cidrs(TRUSTED_PROXIES, internal.getTrustedProxies()),
                internal.getForwardedHeader());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnNonEmptyList(ALLOWED_CIDRS)
    InternalExecutor internalExecutor(InternalProperties internal, ClientAddressResolver clientAddressResolver) {
        CidrSet allowed = cidrs(ALLOWED_CIDRS, internal.getAllowedCidrs());
        return new InternalExecutor(allowed, clientAddressResolver);
    }

    private static CidrSet cidrs(String property, List<String> values) {
        List<Cidr> cidrs = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                cidrs.add(Cidr.parse(values.get(i)));
            }
            catch (IllegalArgumentException invalid) {
                throw new InvalidConfigurationPropertyValueException(property + "[" + i + "]", values.get(i),
                        invalid.getMessage());
            }
        }
        return CidrSet.of(cidrs);
    }
}
