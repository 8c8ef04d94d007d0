/**
 * OpenAPI: every endpoint's effective policy in springdoc's document, read from the same policy
 * descriptions as the policy map and {@code /actuator/policyauth}: security schemes per policy,
 * security requirements per operation, and the problem responses of a denial.
 */
@NullMarked
package io.policyauth.openapi;

import org.jspecify.annotations.NullMarked;
