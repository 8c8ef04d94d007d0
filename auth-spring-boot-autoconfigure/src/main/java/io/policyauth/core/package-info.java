/**
 * The framework-neutral heart of policy-auth: request context, authenticated user, executors,
 * their registry, the {@link io.policyauth.core.AuthService} and the exception family that maps
 * to 400 / 401 / 403 / 503. Nothing here depends on the web stack or a storage driver.
 */
@NullMarked
package io.policyauth.core;

import org.jspecify.annotations.NullMarked;
