package io.policyauth.autoconfigure.jwt;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.policyauth.jwt.dpop.DpopMode;

/** Matches when {@code policy-auth.jwt.dpop.mode} or an issuer's {@code dpop.mode} is not {@code disabled}. */
final class DpopEnabledCondition extends SpringBootCondition {

    static final String MODE = JwtIssuerSettings.ROOT + ".dpop.mode";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        if (binder.bind(MODE, DpopMode.class).orElse(DpopMode.DISABLED) != DpopMode.DISABLED) {
            return ConditionOutcome.match("DPoP: " + MODE + " is set");
        }
        Map<String, JwtProperties.Issuer> issuers = binder.bind(JwtIssuers.ISSUERS,
                Bindable.mapOf(String.class, JwtProperties.Issuer.class)).orElse(Map.of());
        for (Map.Entry<String, JwtProperties.Issuer> issuer : issuers.entrySet()) {
            if (issuer.getValue().getDpop().getMode() != DpopMode.DISABLED) {
                return ConditionOutcome.match("DPoP: " + JwtIssuers.ISSUERS + "." + issuer.getKey()
                        + ".dpop.mode is set");
            }
        }
        return ConditionOutcome.noMatch("DPoP: no issuer's dpop.mode is set");
    }
}
