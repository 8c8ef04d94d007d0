/**
 * Gateway mode: policy-auth decides for requests to other services, asked by nginx
 * ({@code auth_request}), Envoy ({@code ext_authz}) or a KX Service Gateway (custom HTTP
 * authorization), with the same policies, metrics and audit as the application's own endpoints.
 */
@NullMarked
package io.policyauth.gateway;

import org.jspecify.annotations.NullMarked;
