/**
 * What both web fronts share, free of any web stack: {@link io.policyauth.web.RequiresPolicy},
 * the effective policy of a handler or path ({@link io.policyauth.web.EffectivePolicies}: the
 * annotation, else the first route rule, else the default), the policy map, RFC 9457 problem
 * responses and the path rules both fronts apply. The fronts themselves are
 * {@code io.policyauth.web.servlet} (Spring MVC) and {@code io.policyauth.web.reactive} (WebFlux).
 */
@NullMarked
package io.policyauth.web;

import org.jspecify.annotations.NullMarked;
