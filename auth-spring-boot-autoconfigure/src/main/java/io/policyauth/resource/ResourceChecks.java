package io.policyauth.resource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuthException;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DelegatingExecutor;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;
import io.policyauth.core.Enforcement;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.ResourceGuard;
import io.policyauth.core.ResourceRule;
import io.policyauth.core.SecurityRequestContext;

/**
 * The declarative resource checks: after an endpoint's policy admitted the caller, the resource the
 * request names (its id from a path variable, its attributes from the application's
 * {@link ResourceAttributes}) is checked by the {@link ResourceAuthorizer} for the action (the
 * endpoint's, or its method's). An unknown resource is 404; a refusal is 403 with reason
 * {@value #DENIED}, or, with {@code deny-status} 404, the very answer an unknown resource gets. Every
 * check is told to the {@link ResourceDecisionListener}s (metrics, audit), {@code would_deny} where the
 * endpoint's policy runs dry. Service code uses {@link #require}.
 */
public final class ResourceChecks implements ResourceGuard {

    /** The reason of a refusal, in audit and metrics. */
    public static final String DENIED = "resource_denied";

    /** The reason of an unknown resource. */
    public static final String NOT_FOUND = "resource_not_found";

    private static final Logger logger = LoggerFactory.getLogger(ResourceChecks.class);

    private final ResourceAuthorizer authorizer;
    private final Map<String, ResourceAttributes> attributes;
    private final Map<String, String> actions;
    private final boolean hideDenials;
    private final List<ResourceDecisionListener> listeners;
    private final Clock clock;

    /**
     * @param authorizer the engine
     * @param attributes the application's attributes of each kind
     * @param actions each HTTP method's action ({@code GET} to {@code read})
     * @param denyStatus 403, or 404 to answer a refusal as an unknown resource
     * @param listeners told of every check: metrics, audit
     * @param clock the time of checks
     */
    public ResourceChecks(ResourceAuthorizer authorizer, List<ResourceAttributes> attributes,
            Map<String, String> actions, int denyStatus, List<ResourceDecisionListener> listeners, Clock clock) {
        if (denyStatus != 403 && denyStatus != 404) {
            throw new IllegalArgumentException("deny-status must be 403 or 404, got " + denyStatus);
        }
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.attributes = attributes.stream().collect(Collectors.toUnmodifiableMap(
                ResourceAttributes::kind, kind -> kind));
        this.actions = Map.copyOf(actions);
        this.hideDenials = denyStatus == 404;
        this.listeners = List.copyOf(listeners);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuthExecutor guarded(AuthExecutor policy, ResourceRule rule, Enforcement enforcement) {
        if (!attributes.containsKey(rule.kind())) {
            throw new IllegalArgumentException("No ResourceAttributes bean loads kind '" + rule.kind() + "'");
        }
        return new Checked(policy, rule, enforcement);
    }

    @Override
    public @Nullable String action(ResourceRule rule, String method) {
        return rule.action() != null ? rule.action() : actions.get(method);
    }

    /**
     * Checks a caller's action on a resource, as the declarative checks do.
     *
     * @param user the caller
     * @param resource the resource
     * @param action the action
     * @throws AuthException the same refusal the web layer answers (403, or 404 with deny-status 404);
     *         {@link io.policyauth.core.AuthUnavailableException} when the engine cannot answer
     */
    public void require(AuthenticatedUser user, Resource resource, String action) {
        require(user, resource, action, Enforcement.ENFORCE, System.nanoTime());
    }

    private void require(AuthenticatedUser user, Resource resource, String action, Enforcement enforcement,
            long start) {
        ResourceDecision decision;
        try {
            decision = authorizer.check(user, resource, action);
        }
        catch (AuthUnavailableException unavailable) {
            tell(user, resource, action, ResourceEffect.UNAVAILABLE, null, start);
            throw unavailable;
        }
        if (decision.allowed()) {
            tell(user, resource, action, ResourceEffect.ALLOW, decision.policy(), start);
            return;
        }
        tell(user, resource, action, enforcement == Enforcement.DRY_RUN ? ResourceEffect.WOULD_DENY
                : ResourceEffect.DENY, decision.policy(), start);
        throw denied();
    }

    private void tell(AuthenticatedUser user, Resource resource, String action, ResourceEffect effect,
            @Nullable String policy, long start) {
        ResourceDecisionEvent event = new ResourceDecisionEvent(clock.instant(), resource.kind(), resource.id(),
                action, effect, policy, user.subject(), user.tenant(), Duration.ofNanos(System.nanoTime() - start));
        for (ResourceDecisionListener listener : listeners) {
            try {
                listener.onDecision(event);
            }
            catch (RuntimeException failure) {
                logger.warn("Resource decision listener {} failed; the decision stands",
                        listener.getClass().getName(), failure);
            }
        }
    }

    private AuthException denied() {
        return hideDenials ? notFound(DENIED)
                : new ForbiddenException(DENIED, "The caller may not do this to this resource.", List.of());
    }

    private static AuthException notFound(String reason) {
        return new AuthException(new Denial(DenialKind.NOT_FOUND, reason, "No such resource.", List.of(), null),
                null);
    }

    /** An endpoint's policy, then its resource check. */
    private final class Checked extends DelegatingExecutor {

        private final ResourceRule rule;
        private final Enforcement enforcement;

        Checked(AuthExecutor policy, ResourceRule rule, Enforcement enforcement) {
            super(policy);
            this.rule = rule;
            this.enforcement = enforcement;
        }

        /* Attributes and the engine are I/O. */
        @Override
        public boolean mayBlock() {
            return true;
        }

        @Override
        public boolean mayBlock(SecurityRequestContext context) {
            return true;
        }

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            AuthenticatedUser user = delegate.execute(context);
            long start = System.nanoTime();
            String id = context.pathVariables().get(rule.idVariable());
            Map<String, Object> found = id == null ? null : attributes.get(rule.kind()).load(id).orElse(null);
            if (found == null) {
                throw notFound(NOT_FOUND).refusing(user);
            }
            String action = action(rule, context.method());
            if (action == null) {
                throw denied().refusing(user);
            }
            try {
                require(user, new Resource(rule.kind(), id, found), action, enforcement, start);
            }
            catch (AuthException refused) {
                throw refused.refusing(user);
            }
            return user;
        }
    }
}
