/**
 * Auto-configuration of the WebFlux front.
 */
@NullMarked
package io.policyauth.autoconfigure.webflux;

import org.jspecify.annotations.NullMarked;
