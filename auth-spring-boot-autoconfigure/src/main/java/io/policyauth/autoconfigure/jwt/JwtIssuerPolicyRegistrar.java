package io.policyauth.autoconfigure.jwt;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.policyauth.autoconfigure.PolicyBeansRegistrar;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.ClientCertificateSource;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.dpop.DpopProofVerifier;

/**
 * Registers the policy {@code private:<name>} for each {@code policy-auth.jwt.issuers.<name>}: it
 * admits only that issuer's tokens.
 */
final class JwtIssuerPolicyRegistrar extends PolicyBeansRegistrar<Object> {

    JwtIssuerPolicyRegistrar(Environment environment, BeanFactory beanFactory) {
        super(environment, beanFactory, "policyAuthJwtIssuer.");
    }

    @Override
    protected Map<String, Object> entries(Environment environment) {
        return Binder.get(environment).bind(JwtIssuers.ISSUERS, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
    }

    @Override
    protected AuthExecutor create(String name, Object entry, BeanFactory beans) {
        JwtIssuers issuers = beans.getBean(JwtIssuers.class);
        return new PrivateExecutor(PrivateExecutor.POLICY + ":" + name, issuers.named(name),
                List.of(issuers.describedIssuer(name)),
                JwtPolicyAutoConfiguration.certificateBinding(beans.getBean(JwtProperties.class),
                        beans.getBeanProvider(ClientCertificateSource.class)),
                issuers.namedDpop(name, beans.getBeanProvider(DpopProofVerifier.class).getIfAvailable()));
    }
}
