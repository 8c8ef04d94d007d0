package io.policyauth.autoconfigure;

import java.util.Locale;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.web.context.reactive.ConfigurableReactiveWebEnvironment;
import org.springframework.core.env.Environment;

import io.policyauth.core.PolicyAuthConfigurationException;

/**
 * Whether policy-auth can see the address of the socket peer, which {@code allowed-callers} and
 * {@code trusted-proxies} are about. {@code server.forward-headers-strategy=native} (also the
 * default on Kubernetes, Cloud Foundry and Heroku) has the server replace it from
 * {@code X-Forwarded-For} before any application code, and {@code framework} does the same on
 * WebFlux; on Spring MVC, {@code framework} only wraps the request, and policy-auth reads the
 * address beneath the wrapper. Where it cannot be seen, the start stops, saying why.
 */
public final class SocketPeerAddresses {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Set server.forward-headers-strategy=none and list your proxies in "
            + "policy-auth.internal.trusted-proxies.";

    private static final String STRATEGY = "server.forward-headers-strategy";

    private SocketPeerAddresses() {
    }

    /**
     * @param environment the application's environment
     * @param who the configuration that depends on the socket peer, for the message
     * @throws IllegalStateException when the forward-headers strategy hides the socket peer
     */
    public static void require(Environment environment, String who) {
        String strategy = strategy(environment);
        boolean reactive = environment instanceof ConfigurableReactiveWebEnvironment;
        if (strategy.equals("native") || strategy.equals("framework") && reactive) {
            throw new PolicyAuthConfigurationException(who + " is judged by the address of the socket peer, and "
                    + STRATEGY + "=" + strategy + (environment.getProperty(STRATEGY) == null
                            ? " (Spring Boot's default on this cloud platform)" : "")
                    + " has " + (reactive ? "WebFlux" : "the server") + " replace that address with one taken "
                    + "from X-Forwarded-For before policy-auth sees it, so any client could claim to be a trusted "
                    + "caller. Set " + STRATEGY + "=none" + (reactive ? "" : " (or framework)")
                    + ": policy-auth reads forwarding headers itself, from the proxies in "
                    + "policy-auth.internal.trusted-proxies only.", WHAT_TO_DO);
        }
    }

    private static String strategy(Environment environment) {
        String configured = environment.getProperty(STRATEGY);
        if (configured != null) {
            return configured.trim().toLowerCase(Locale.ROOT);
        }
        CloudPlatform platform = CloudPlatform.getActive(environment);
        return platform != null && platform.isUsingForwardHeaders() ? "native" : "none";
    }
}
