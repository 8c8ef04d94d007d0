/**
 * The Spring MVC front: {@link io.policyauth.web.RequiresPolicy}, the interceptor that enforces it,
 * the {@code AuthenticatedUser} argument resolver and RFC 9457 error responses.
 */
@NullMarked
package io.policyauth.web;

import org.jspecify.annotations.NullMarked;
