package io.policyauth.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

import io.policyauth.autoconfigure.apikey.ApiKeyProperties;
import io.policyauth.autoconfigure.audit.AuditProperties;
import io.policyauth.autoconfigure.gateway.GatewayProperties;
import io.policyauth.autoconfigure.jwt.JwtProperties;
import io.policyauth.autoconfigure.jwt.TokenIssuerProperties;
import io.policyauth.autoconfigure.metadata.ResourceMetadataProperties;
import io.policyauth.autoconfigure.ratelimit.RateLimitProperties;
import io.policyauth.autoconfigure.ratelimit.RateLimitStoreProperties;
import io.policyauth.autoconfigure.network.ClientCertificateProperties;
import io.policyauth.autoconfigure.network.InternalProperties;
import io.policyauth.autoconfigure.remote.RemoteProperties;
import io.policyauth.autoconfigure.resource.ResourcesProperties;
import io.policyauth.autoconfigure.tenant.TenancyProperties;
import io.policyauth.core.PolicyAuthConfigurationException;

/**
 * Checks every property set under {@code policy-auth.} before any bean is created, and stops the
 * start, naming each property and where it was set, when one would silently weaken the
 * configuration:
 * <ul>
 * <li>a name that nothing binds (a misspelling such as {@code policy-auth.jwt.audience} would be
 * ignored, and the check it meant to turn on with it), with the closest valid name;</li>
 * <li>a secret, key or credential whose value still holds an unresolved {@code ${...}} placeholder
 * (an unset environment variable would otherwise become the key itself), or is empty (a variable
 * set to nothing).</li>
 * </ul>
 * Messages name placeholders and properties, never a value.
 */
final class ConfiguredPropertiesCheck implements BeanFactoryPostProcessor {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Correct or remove each property named above; the README lists every "
            + "policy-auth property.";

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(PolicyAuthProperties.PREFIX);

    /* Every properties class policy-auth binds, with its prefix. */
    private static final Map<Class<?>, String> PROPERTIES = Map.ofEntries(
            Map.entry(PolicyAuthProperties.class, PolicyAuthProperties.PREFIX),
            Map.entry(RemoteProperties.class, PolicyAuthProperties.PREFIX),
            Map.entry(JwtProperties.class, "policy-auth.jwt"),
            Map.entry(TokenIssuerProperties.class, "policy-auth.jwt"),
            Map.entry(ApiKeyProperties.class, "policy-auth.api-key"),
            Map.entry(AuditProperties.class, "policy-auth.audit"),
            Map.entry(InternalProperties.class, "policy-auth.internal"),
            Map.entry(GatewayProperties.class, "policy-auth.gateway"),
            Map.entry(TenancyProperties.class, TenancyProperties.PREFIX),
            Map.entry(ResourcesProperties.class, ResourcesProperties.PREFIX),
            Map.entry(ResourceMetadataProperties.class, ResourceMetadataProperties.PREFIX),
            Map.entry(ClientCertificateProperties.class, ClientCertificateProperties.PREFIX),
            Map.entry(RateLimitProperties.class, PolicyAuthProperties.PREFIX),
            Map.entry(RateLimitStoreProperties.class, "policy-auth.rate-limits"));

    /* The last element of the names that hold secrets, keys or credentials (or where to find them). */
    private static final Set<String> SECRETS = Set.of("secret", "shared-keys", "private-key-location",
            "public-key-location", "endpoint");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)");

    private final Environment environment;

    ConfiguredPropertiesCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        ConfigurationPropertyNames names = new ConfigurationPropertyNames(PROPERTIES);
        Map<ConfigurationPropertyName, String> problems = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            iterable.stream().filter(ConfiguredPropertiesCheck::isPolicyAuths)
                    .filter(name -> !problems.containsKey(name))
                    .forEach(name -> {
                        ConfigurationProperty property = source.getConfigurationProperty(name);
                        String problem = problem(names, name, property);
                        if (problem != null) {
                            Origin origin = property == null ? null : property.getOrigin();
                            problems.put(name, name + problem + (origin == null ? "" : " [" + origin + "]"));
                        }
                    });
        }
        if (!problems.isEmpty()) {
            throw new PolicyAuthConfigurationException(String.join("; ", problems.values()), WHAT_TO_DO);
        }
    }

    private @Nullable String problem(ConfigurationPropertyNames names, ConfigurationPropertyName name,
            @Nullable ConfigurationProperty property) {
        if (!names.binds(name)) {
            String closest = names.closest(name);
            return " is not a policy-auth property and would be ignored" + (closest == null ? ""
                    : ": did you mean " + closest + "?");
        }
        String last = name.getLastElement(ConfigurationPropertyName.Form.DASHED);
        int parent = name.getNumberOfElements() - 2;
        boolean secret = SECRETS.contains(last) || name.isNumericIndex(name.getNumberOfElements() - 1)
                && parent >= 0 && SECRETS.contains(name.getElement(parent, ConfigurationPropertyName.Form.DASHED));
        if (!secret) {
            return null;
        }
        if (property == null || property.getValue() == null) {
            return null;
        }
        // Resolved as binding resolves it: a placeholder that cannot be resolved is left as it is.
        String value = environment.resolvePlaceholders(property.getValue().toString());
        Matcher placeholder = PLACEHOLDER.matcher(value);
        if (placeholder.find()) {
            return " holds the placeholder ${" + placeholder.group(1) + "}, which was not resolved: set that "
                    + "environment variable or property (the text is never used as a key)";
        }
        if (value.isBlank()) {
            return " is set but empty (an environment variable it names may be set to nothing): give it a value "
                    + "or remove it";
        }
        return null;
    }

    /*
     * Written under "policy-auth." itself: binding would also take "policyauth." (dashes do not
     * count), a spelling no user writes for policy-auth, while other tools' names may have it.
     */
    private static boolean isPolicyAuths(ConfigurationPropertyName name) {
        return ROOT.isAncestorOf(name) && PolicyAuthProperties.PREFIX.equalsIgnoreCase(
                name.getElement(0, ConfigurationPropertyName.Form.ORIGINAL));
    }
}
