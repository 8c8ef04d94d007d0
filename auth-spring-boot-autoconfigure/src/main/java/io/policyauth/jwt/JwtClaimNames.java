package io.policyauth.jwt;

/** The JWT claim names policy-auth reads and writes by default. */
public final class JwtClaimNames {

    /** The issuer (RFC 7519). */
    public static final String ISSUER = "iss";

    /** Scopes as a space-separated string (RFC 8693). */
    public static final String SCOPE = "scope";

    /** Scopes as an array (common in Azure AD and Okta tokens). */
    public static final String SCP = "scp";

    /** The default claim holding roles. */
    public static final String ROLES = "roles";

    private JwtClaimNames() {
    }
}
