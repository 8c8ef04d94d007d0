package io.policyauth.autoconfigure.jwt;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when any of the given {@code policy-auth.jwt.*} properties is set and not blank. Bound
 * through the {@link Binder} so relaxed forms such as {@code POLICY_AUTH_JWT_SECRET} count.
 */
abstract class JwtKeySourceCondition extends SpringBootCondition {

    private final String description;
    private final String[] properties;

    JwtKeySourceCondition(String description, String... properties) {
        this.description = description;
        this.properties = properties;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        if (countsIssuers() && !binder.bind(JwtIssuers.ISSUERS, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of()).isEmpty()) {
            return ConditionOutcome.match(description + ": " + JwtIssuers.ISSUERS + " is set");
        }
        for (String property : properties) {
            String value = binder.bind(property, String.class).orElse("");
            if (!value.isBlank()) {
                // The property name only: its value may be a secret.
                return ConditionOutcome.match(description + ": " + property + " is set");
            }
        }
        return ConditionOutcome.noMatch(description + ": none of " + String.join(", ", properties) + " is set");
    }

    /** Whether entries of {@code policy-auth.jwt.issuers} count as a key source. */
    boolean countsIssuers() {
        return false;
    }

    /** A key that verifies tokens (a private key counts: its public half is derived), or another issuer. */
    static final class Verification extends JwtKeySourceCondition {

        @Override
        boolean countsIssuers() {
            return true;
        }

        Verification() {
            super("JWT verification key", JwtIssuerSettings.SECRET, JwtIssuerSettings.PUBLIC_KEY_LOCATION,
                    JwtIssuerSettings.JWK_SET_URI, JwtIssuerSettings.ISSUER_URI, JwtIssuerSettings.PRIVATE_KEY_LOCATION,
                    JwtIssuerSettings.INTROSPECTION_URI);
        }
    }

    /** A key that signs tokens. */
    static final class Signing extends JwtKeySourceCondition {

        Signing() {
            super("JWT signing key", JwtIssuerSettings.SECRET, JwtIssuerSettings.PRIVATE_KEY_LOCATION);
        }
    }
}
