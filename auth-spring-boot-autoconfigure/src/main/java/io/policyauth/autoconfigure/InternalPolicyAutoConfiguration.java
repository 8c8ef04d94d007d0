package io.policyauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.policyauth.network.Cidr;
import io.policyauth.network.CidrSet;
import io.policyauth.network.ClientAddressResolver;
import io.policyauth.network.InternalExecutor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Resolves client addresses behind {@value #TRUSTED_PROXIES} (for the {@code internal} policy,
 * audit and gateways alike) and registers the {@code internal} policy when {@value #ALLOWED_CIDRS}
 * is set. A bad CIDR in either fails the start, naming the property and the value.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "policy-auth.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PolicyAuthProperties.class)
public final class InternalPolicyAutoConfiguration {

    static final String ALLOWED_CIDRS = PolicyAuthProperties.PREFIX + ".internal.allowed-cidrs";
    static final String TRUSTED_PROXIES = PolicyAuthProperties.PREFIX + ".internal.trusted-proxies";

    @Bean
    @ConditionalOnMissingBean
    ClientAddressResolver clientAddressResolver(PolicyAuthProperties properties) {
        PolicyAuthProperties.Internal internal = properties.getInternal();
        return new ClientAddressResolver(cidrs(TRUSTED_PROXIES, internal.getTrustedProxies()),
                internal.getForwardedHeader());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnNonEmptyList(ALLOWED_CIDRS)
    InternalExecutor internalExecutor(PolicyAuthProperties properties, ClientAddressResolver clientAddressResolver) {
        CidrSet allowed = cidrs(ALLOWED_CIDRS, properties.getInternal().getAllowedCidrs());
        return new InternalExecutor(allowed, clientAddressResolver);
    }

    private static CidrSet cidrs(String property, List<String> values) {
        List<Cidr> cidrs = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                cidrs.add(Cidr.parse(values.get(i)));
            }
            catch (IllegalArgumentException invalid) {
                throw new IllegalStateException(property + "[" + i + "]: " + invalid.getMessage(), invalid);
            }
        }
        return CidrSet.of(cidrs);
    }
}
