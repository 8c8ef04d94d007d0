package io.policyauth.autoconfigure.network;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.ConditionalOnNonEmptyList;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.ConfiguredCidrs;
import io.policyauth.autoconfigure.SocketPeerAddresses;
import io.policyauth.core.ClientCertificateSource;
import io.policyauth.core.RequestUrlSource;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.network.CidrSet;
import io.policyauth.network.ClientAddressResolver;
import io.policyauth.network.ClientCertificateExecutor;
import io.policyauth.network.ForwardedClientCertificates;
import io.policyauth.network.ForwardedRequestUrls;
import io.policyauth.network.InternalExecutor;

/**
 * Resolves client addresses behind {@value #TRUSTED_PROXIES} (for the {@code internal} policy,
 * audit and gateways alike) and registers the {@code internal} policy when {@value #ALLOWED_CIDRS}
 * is set. A bad CIDR in either fails the start, naming the property and the value.
 */
@AutoConfiguration
@ConditionalOnPolicyAuthEnabled
@EnableConfigurationProperties({InternalProperties.class, ClientCertificateProperties.class})
public final class InternalPolicyAutoConfiguration {

    static final String ALLOWED_CIDRS = "policy-auth.internal.allowed-cidrs";
    static final String TRUSTED_PROXIES = "policy-auth.internal.trusted-proxies";
    static final String TRUST_ANCHORS = ClientCertificateProperties.PREFIX + ".trust-anchors";

    @Bean
    @ConditionalOnMissingBean
    ClientAddressResolver clientAddressResolver(InternalProperties internal) {
        return new ClientAddressResolver(ConfiguredCidrs.parse(TRUSTED_PROXIES, internal.getTrustedProxies()),
                internal.getForwardedHeader());
    }

    /* From the trusted proxies only: anyone else could claim any certificate in a header. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(ClientCertificateProperties.PREFIX + ".header")
    ClientCertificateSource policyAuthForwardedClientCertificates(InternalProperties internal,
            ClientCertificateProperties certificates) {
        return new ForwardedClientCertificates(ConfiguredCidrs.parse(TRUSTED_PROXIES, internal.getTrustedProxies()),
                certificates.getHeader());
    }

    /* The scheme and host a client called, as the trusted proxies forward them; others' headers are not read. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnNonEmptyList(TRUSTED_PROXIES)
    RequestUrlSource policyAuthForwardedRequestUrls(InternalProperties internal) {
        return new ForwardedRequestUrls(ConfiguredCidrs.parse(TRUSTED_PROXIES, internal.getTrustedProxies()));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnNonEmptyList(TRUST_ANCHORS)
    ClientCertificateExecutor clientCertificateExecutor(ClientCertificateProperties certificates,
            ObjectProvider<ClientCertificateSource> source, ObjectProvider<Clock> clock) {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Resource location : certificates.getTrustAnchors()) {
            try (InputStream in = location.getInputStream()) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                        .forEach(anchor -> anchors.add((X509Certificate) anchor));
            }
            catch (IOException | CertificateException unreadable) {
                throw new PolicyAuthConfigurationException(TRUST_ANCHORS + " holds " + location + ", which is not "
                        + "a readable PEM certificate: " + unreadable.getMessage(), "Point it at PEM certificates.",
                        unreadable);
            }
        }
        return new ClientCertificateExecutor(source.getIfAvailable(() -> ClientCertificateSource.TLS), anchors,
                certificates.getSubjectFrom(), ApplicationClock.of(clock));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnNonEmptyList(ALLOWED_CIDRS)
    InternalExecutor internalExecutor(InternalProperties internal, ClientAddressResolver clientAddressResolver,
            Environment environment) {
        SocketPeerAddresses.require(environment, "The internal policy (" + ALLOWED_CIDRS + ")");
        CidrSet allowed = ConfiguredCidrs.parse(ALLOWED_CIDRS, internal.getAllowedCidrs());
        return new InternalExecutor(allowed, clientAddressResolver);
    }
}
