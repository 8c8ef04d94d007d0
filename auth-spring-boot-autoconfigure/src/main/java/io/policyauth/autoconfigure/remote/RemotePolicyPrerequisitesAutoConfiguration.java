package io.policyauth.autoconfigure.remote;

import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

import io.policyauth.core.PolicyAuthConfigurationException;

/**
 * Stops the start when {@code policy-auth.remote} policies are configured but the HTTP client or
 * JSON library they need is missing: otherwise they would silently not exist, and an annotation
 * naming one would fail as an unknown policy with no hint why.
 */
@AutoConfiguration
@Conditional(RemotePolicyPrerequisitesAutoConfiguration.RemoteConfiguredWithoutClient.class)
public class RemotePolicyPrerequisitesAutoConfiguration {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Add spring-web (RestClient) and Jackson to the class path, or remove "
            + "the policy-auth.remote entries.";

    static final String REST_CLIENT = "org.springframework.web.client.RestClient";
    static final String JSON_MAPPER = "tools.jackson.databind.json.JsonMapper";

    RemotePolicyPrerequisitesAutoConfiguration() {
        throw new PolicyAuthConfigurationException("policy-auth.remote policies need Spring's RestClient and "
                + "Jackson 3 on the class path: add spring-boot-starter-webmvc (or spring-web and tools.jackson.core:"
                + "jackson-databind), or remove policy-auth.remote", WHAT_TO_DO);
    }

    static class RemoteConfiguredWithoutClient extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, RemoteProperties.Remote> remotes = Binder.get(context.getEnvironment())
                    .bind("policy-auth.remote", Bindable.mapOf(String.class, RemoteProperties.Remote.class))
                    .orElse(Map.of());
            ClassLoader classLoader = context.getClassLoader();
            boolean clientPresent = ClassUtils.isPresent(REST_CLIENT, classLoader)
                    && ClassUtils.isPresent(JSON_MAPPER, classLoader);
            return remotes.isEmpty() || clientPresent
                    ? ConditionOutcome.noMatch("no remote policies, or their HTTP client is present")
                    : ConditionOutcome.match("remote policies configured without RestClient or Jackson 3");
        }
    }
}
