/**
 * Auto-configuration of the WebFlux front.
 */
@NullMarked
package io.policyauth.autoconfigure.web.reactive;

import org.jspecify.annotations.NullMarked;
