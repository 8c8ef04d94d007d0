package io.policyauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/** Scopes and roles required on top of a policy: by a named policy, a route rule or a remote policy. */
public abstract class RequirementsProperties {

    /** Scopes the caller must all hold (granted scopes may use wildcards such as orders:*). */
    private List<String> scopes = new ArrayList<>();

    /** Roles the caller must all hold. */
    private List<String> roles = new ArrayList<>();

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
}
