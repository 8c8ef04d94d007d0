package io.policyauth.web;

/** Where a handler's effective policy comes from. */
public enum PolicySource {

    /** A {@link RequiresPolicy} on the method or its class. */
    ANNOTATION,
    /** A {@code policy-auth.routes} rule matching the path. */
    ROUTE,
    /** The policies a WebFlux functional route names in code, with {@code FunctionalRoutePolicies}. */
    FUNCTIONAL_ROUTE,
    /** {@code policy-auth.default-policy}: no annotation and no route. */
    DEFAULT,
    /** Not checked: the error endpoint, which must stay reachable to report failures. */
    EXEMPT,
    /**
     * A gateway endpoint (gateway mode): answered before any handler, only to the callers in
     * {@code policy-auth.gateway.allowed-callers}, about requests to other services.
     */
    GATEWAY,
    /**
     * The tenant admin API ({@code policy-auth.tenancy.admin-api}): answered before any handler, under
     * its configured policy, tenant isolation and the permission {@code tenant:admin}.
     */
    TENANT_ADMIN_API,
    /**
     * The secret scanning endpoint ({@code policy-auth.api-key.secret-scanning}): answered before any
     * handler to requests signed by the scanner's published keys, whatever the policies.
     */
    SECRET_SCANNING
}
