/**
 * Resource-level authorization, engine-neutral: who may do what on which resource
 * ({@link io.policyauth.resource.ResourceAuthorizer}), and which resources of a kind a caller may
 * act on, as a {@link io.policyauth.resource.ResourceFilter} a store can turn into a query.
 */
@NullMarked
package io.policyauth.resource;

import org.jspecify.annotations.NullMarked;
