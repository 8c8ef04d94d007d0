package io.policyauth.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationUnit;

import io.policyauth.core.Requirements;

/**
 * Scopes, roles and permissions required on top of a policy, and a step-up: by a named policy, a
 * route rule or a remote policy.
 */
public abstract class RequirementsProperties {

    /** Scopes the caller must all hold (granted scopes may use wildcards such as orders:*). */
    private List<String> scopes = new ArrayList<>();

    /** Roles the caller must all hold. */
    private List<String> roles = new ArrayList<>();

    /**
     * Permissions the caller must all hold: those of its roles, platform and tenant-defined
     * (policy-auth.tenancy); literal, matched as scopes are.
     */
    private List<String> permissions = new ArrayList<>();

    /** Step-up (RFC 9470): authentication context classes any of which the token's acr must be. */
    private List<String> acr = new ArrayList<>();

    /** Step-up (RFC 9470): the most time since the caller authenticated (auth_time); a bare number is seconds. */
    @DurationUnit(ChronoUnit.SECONDS)
    private @Nullable Duration maxAge;

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getPermissions() {
        return permissions;
    }

    public void setPermissions(List<String> permissions) {
        this.permissions = permissions;
    }

    public List<String> getAcr() {
        return acr;
    }

    public void setAcr(List<String> acr) {
        this.acr = acr;
    }

    public @Nullable Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(@Nullable Duration maxAge) {
        this.maxAge = maxAge;
    }

    /**
     * @return the requirements, validated
     * @throws IllegalArgumentException for a blank value or a wildcard in a required scope or permission
     */
    public Requirements toRequirements() {
        return Requirements.of(scopes, roles, permissions).withStepUp(acr, maxAge);
    }
}
