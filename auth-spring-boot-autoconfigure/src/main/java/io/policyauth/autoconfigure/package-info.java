/**
 * Spring Boot auto-configuration of policy-auth's core ({@code policy-auth.enabled},
 * {@code default-policy}, {@code mode}, {@code policies}, {@code routes}) and what every
 * mechanism's auto-configuration shares; each mechanism has its own sub-package.
 */
@NullMarked
package io.policyauth.autoconfigure;

import org.jspecify.annotations.NullMarked;
