/**
 * The WebFlux front: the same policies, annotations, routes and problem responses as the Spring
 * MVC front, for reactive applications. Policies that may wait on I/O run on a bounded scheduler,
 * never on an event loop.
 */
@NullMarked
package io.policyauth.web.reactive;

import org.jspecify.annotations.NullMarked;
