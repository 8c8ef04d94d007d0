package io.policyauth.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One named policy: decides whether a request passes and who the caller is. Register one as a
 * bean to add a policy; policy names are unique.
 */
public interface AuthExecutor {

    /**
     * The policy name this executor enforces, for example {@code private}.
     *
     * @return the name
     */
    String policy();

    /**
     * Decides the request.
     *
     * @param context the request
     * @return the authenticated user; {@link AuthenticatedUser#anonymous()} when no credential is needed
     * @throws AuthenticationException no valid credential (401)
     * @throws ForbiddenException the caller is not admitted (403)
     * @throws AuthUnavailableException a backend could not answer (503)
     * @throws InvalidCredentialRequestException the credentials are malformed as a request (400)
     */
    AuthenticatedUser execute(SecurityRequestContext context);

    /**
     * Called once at start when some endpoint uses this policy, before the first request: the
     * place to create indexes or warm caches. Policies that no endpoint uses are never activated,
     * so an unused backend is never contacted. Must not throw for an unreachable backend; that is
     * the request path's to report (503).
     */
    default void activate() {
    }

    /**
     * Whether deciding may wait on I/O (a database, an HTTP call, a key fetch). A reactive front
     * runs such policies off its event loop; the others, CPU work only, run inline. Executors that
     * do not say are taken to block.
     *
     * @return {@code true} unless every decision is CPU work
     */
    default boolean mayBlock() {
        return true;
    }

    /**
     * Whether deciding this request may wait on I/O. A policy that may block in general can often
     * tell that this request's answer is at hand (its cache holds the key), and a reactive front
     * then decides it inline instead of moving it to another thread. Asked on the event loop: it
     * must be cheap, must not block and must not throw.
     *
     * @param context the request about to be decided
     * @return {@link #mayBlock()} unless overridden
     */
    default boolean mayBlock(SecurityRequestContext context) {
        return mayBlock();
    }

    /**
     * The tenant this request names, as this policy's endpoint reads it under tenancy, for the
     * decision's audit event. Must not throw.
     *
     * @param context the request
     * @return the tenant, or {@code null} when the policy applies no tenancy or none is named
     */
    default @Nullable String targetTenant(SecurityRequestContext context) {
        return null;
    }

    /**
     * Whether deciding reads the request body ({@link SecurityRequestContext#body()}). A reactive
     * front then receives the body's start before running the policy, without holding a thread, and a
     * gateway endpoint that has no body to give refuses the request instead of asking.
     * Composites read the body when a member does; a wrapper says what its delegate says.
     *
     * @return {@code false} unless the policy decides on the body
     */
    default boolean readsBody() {
        return false;
    }

    /**
     * Describes this policy to readers that do not run it (the policy map, Actuator, OpenAPI,
     * gateways). Executors that do not override it are described as {@link PolicyDescription#CUSTOM}.
     *
     * @return the description
     */
    default PolicyDescription describe() {
        return PolicyDescription.leaf(policy(), PolicyDescription.CUSTOM, null, List.of());
    }
}
