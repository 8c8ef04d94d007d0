package io.policyauth.web;

/** Where a handler's effective policy comes from. */
public enum PolicySource {

    /** A {@link RequiresPolicy} on the method or its class. */
    ANNOTATION,
    /** {@code policy-auth.default-policy}: the handler carries no annotation. */
    DEFAULT,
    /** Not checked: the error endpoint, which must stay reachable to report failures. */
    EXEMPT
}
