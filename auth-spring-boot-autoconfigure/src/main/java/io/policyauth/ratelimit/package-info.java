/**
 * Rate limits: how often a caller may call, counted per caller, tenant, API key or client address
 * after the policy admitted the request, a refusal answered with 429 and the IETF {@code RateLimit}
 * headers. The token buckets are Bucket4j's. Imports only the core.
 */
@NullMarked
package io.policyauth.ratelimit;

import org.jspecify.annotations.NullMarked;
