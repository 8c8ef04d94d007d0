/**
 * The {@code remote} policies: the decision is delegated to a team's own HTTP authorizer, which
 * receives the caller's credentials and the request's method and path and answers with roles or a
 * denial.
 */
@NullMarked
package io.policyauth.remote;

import org.jspecify.annotations.NullMarked;
