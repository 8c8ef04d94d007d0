package io.policyauth.jwt.dpop;

/** Whether an issuer's tokens are checked for DPoP (RFC 9449). */
public enum DpopMode {

    /** DPoP is not checked: tokens come as {@code Bearer} only (the default). */
    DISABLED,

    /**
     * DPoP-bound tokens must come with the {@code DPoP} scheme and a valid proof; unbound tokens still
     * pass as {@code Bearer}.
     */
    ALLOWED,

    /** Every token must be DPoP-bound and come with a valid proof. */
    REQUIRED
}
