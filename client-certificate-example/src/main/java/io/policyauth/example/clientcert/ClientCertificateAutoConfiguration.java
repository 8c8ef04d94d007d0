package io.policyauth.example.clientcert;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.policyauth.core.PolicyAuthConfigurationException;

/**
 * Registers {@link ClientCertificateExecutor} when {@code client-certificate.fingerprints} names a
 * certificate. Its bean is all the starter needs: the registry finds it, the fronts run it, the
 * policy map, Actuator and OpenAPI read its description.
 */
@AutoConfiguration
@EnableConfigurationProperties(ClientCertificateProperties.class)
public class ClientCertificateAutoConfiguration {

    private static final String PROPERTY = "client-certificate.fingerprints";
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * @param properties the admitted fingerprints
     * @return the policy
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(FingerprintsConfigured.class)
    public ClientCertificateExecutor clientCertificateExecutor(ClientCertificateProperties properties) {
        return new ClientCertificateExecutor(fingerprints(properties.getFingerprints()));
    }

    private static Set<String> fingerprints(List<String> configured) {
        Set<String> fingerprints = new LinkedHashSet<>();
        for (String value : configured) {
            String hex = value.replace(":", "").strip().toLowerCase(Locale.ROOT);
            if (!SHA_256.matcher(hex).matches()) {
                throw new PolicyAuthConfigurationException(PROPERTY + " holds '" + value + "', which is no SHA-256 "
                        + "fingerprint", "Give each certificate's SHA-256 fingerprint in hex (64 digits, colons "
                        + "allowed), as 'keytool -list -v' or 'openssl x509 -fingerprint -sha256' prints it.");
            }
            fingerprints.add(hex);
        }
        return fingerprints;
    }

    /** Whether any fingerprint is configured, in any form Boot binds a list from. */
    static final class FingerprintsConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean configured = Binder.get(context.getEnvironment()).bind(PROPERTY, Bindable.listOf(String.class))
                    .map(list -> !list.isEmpty()).orElse(false);
            return configured ? ConditionOutcome.match(PROPERTY + " is set")
                    : ConditionOutcome.noMatch(PROPERTY + " is not set");
        }
    }
}
