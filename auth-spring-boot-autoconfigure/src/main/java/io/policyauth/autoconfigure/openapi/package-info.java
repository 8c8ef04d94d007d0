/**
 * Auto-configuration of the OpenAPI description, when springdoc is present.
 */
@NullMarked
package io.policyauth.autoconfigure.openapi;

import org.jspecify.annotations.NullMarked;
