package io.policyauth.resource;

import java.util.Collection;
import java.util.List;

import io.policyauth.core.AuthenticatedUser;

/**
 * Decides who may do what on which resource, on a policy engine. Implementations fail closed: an
 * engine that cannot answer (down, slow past its timeout, saturated) is an
 * {@link io.policyauth.core.AuthUnavailableException}, a 503, never a grant.
 */
public interface ResourceAuthorizer {

    /**
     * @param user the caller
     * @param resource the resource
     * @param action what the caller wants to do, such as {@code update}
     * @return the engine's answer
     */
    default ResourceDecision check(AuthenticatedUser user, Resource resource, String action) {
        return checkAll(user, List.of(resource), List.of(action)).get(0);
    }

    /**
     * Many resources and actions at once.
     *
     * @param user the caller
     * @param resources the resources
     * @param actions the actions, each asked for every resource
     * @return one answer per resource and action, resources in order, then actions in order
     */
    List<ResourceDecision> checkAll(AuthenticatedUser user, List<Resource> resources, Collection<String> actions);

    /**
     * @param user the caller
     * @param kind a kind of resource
     * @param action an action
     * @return which resources of the kind the caller may do it on
     */
    ResourceFilter plan(AuthenticatedUser user, String kind, String action);
}
