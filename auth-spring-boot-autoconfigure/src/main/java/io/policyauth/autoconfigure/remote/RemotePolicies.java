package io.policyauth.autoconfigure.remote;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.Policies;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.remote.InvalidSettingException;
import io.policyauth.remote.RemoteAuthorizerExecutor;
import io.policyauth.remote.RemotePolicySettings;
import io.policyauth.remote.RestAuthorizerClient;

/** Turns {@code policy-auth.remote.*} into remote policies; bad settings fail naming the property. */
final class RemotePolicies {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Correct the configuration named above; the README lists every property "
            + "and what it takes.";

    static final String PREFIX = "policy-auth.remote";

    private RemotePolicies() {
    }

    /**
     * Reads the entries before the properties bean exists, which bean registration needs.
     */
    static Map<String, RemoteProperties.Remote> bind(Environment environment) {
        return Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, RemoteProperties.Remote.class))
                .orElse(Map.of());
    }

    /** The remote policy, its scope and role requirements checked once the authorizer grants. */
    static AuthExecutor executor(String name, RemoteProperties.Remote remote, Clock clock) {
        RemotePolicySettings settings = settings(name, remote);
        return Policies.withRequirements(new RemoteAuthorizerExecutor(settings,
                new RestAuthorizerClient(name, settings.endpoint(), settings.timeout(), clock)),
                settings.requirements(), clock);
    }

    static RemotePolicySettings settings(String name, RemoteProperties.Remote remote) {
        String property = PREFIX + "." + name;
        try {
            return new RemotePolicySettings(name, remote.getEndpoint(), remote.getForwardHeaders(),
                    remote.getTimeout(), remote.getCacheTtl(), remote.getCacheSize(), remote.isIncludeBody(),
                    bytes(remote.getMaxBodySize()), remote.isExposeReason(), remote.getMaxConcurrentRequests(),
                    remote.toRequirements());
        }
        catch (InvalidSettingException invalid) {
            throw new PolicyAuthConfigurationException(property + "." + invalid.getMessage(), WHAT_TO_DO, invalid);
        }
        catch (IllegalArgumentException invalid) {
            throw new PolicyAuthConfigurationException(property + ": " + invalid.getMessage(), WHAT_TO_DO, invalid);
        }
    }

    /** The largest body any remote policy sends, or 0 when none sends bodies. */
    static int maxBodyBytes(Map<String, RemoteProperties.Remote> remotes) {
        return remotes.values().stream()
                .filter(RemoteProperties.Remote::isIncludeBody)
                .mapToInt(remote -> Math.max(1, Math.min(bytes(remote.getMaxBodySize()),
                        RemotePolicySettings.MAX_BODY_LIMIT)))
                .max().orElse(0);
    }

    private static int bytes(DataSize size) {
        return size == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, size.toBytes()));
    }
}
