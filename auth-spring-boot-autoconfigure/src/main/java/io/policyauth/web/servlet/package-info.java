/**
 * The Spring MVC front: the interceptor that enforces each handler's policy, the
 * {@code AuthenticatedUser} argument resolver, the problem response writer, request contexts and
 * body copying over the Servlet API, the handler listing of the policy map, and the gateway
 * endpoints' servlet filter.
 */
@NullMarked
package io.policyauth.web.servlet;

import org.jspecify.annotations.NullMarked;
