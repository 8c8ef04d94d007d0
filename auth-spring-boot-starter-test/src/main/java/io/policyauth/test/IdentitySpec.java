package io.policyauth.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Who a test caller is: the part that {@code bearerToken()} and {@code policyUser(...)} share.
 *
 * @param <S> the concrete builder, returned by every method
 */
public abstract class IdentitySpec<S extends IdentitySpec<S>> {

    /** The subject of a caller the test does not name. */
    public static final String DEFAULT_SUBJECT = "test-user";

    private String subject = DEFAULT_SUBJECT;
    private final List<String> scopes = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();
    private final List<String> permissions = new ArrayList<>();
    private @Nullable String tenant;

    IdentitySpec() {
    }

    /**
     * @param subject who the caller is
     * @return this builder
     */
    public S subject(String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return self();
    }

    /**
     * @param granted scopes the caller holds, added to any given before
     * @return this builder
     */
    public S scopes(String... granted) {
        scopes.addAll(Arrays.asList(granted));
        return self();
    }

    /**
     * @param held roles the caller holds, added to any given before
     * @return this builder
     */
    public S roles(String... held) {
        roles.addAll(Arrays.asList(held));
        return self();
    }

    /**
     * @param held permissions the caller holds, added to any given before (a token carries them in
     *         its issuer's permissions claim; under tenancy, those of its roles are added)
     * @return this builder
     */
    public S permissions(String... held) {
        permissions.addAll(Arrays.asList(held));
        return self();
    }

    /**
     * @param name the caller's tenant
     * @return this builder
     */
    public S tenant(String name) {
        this.tenant = name;
        return self();
    }

    /**
     * @return the caller as built so far
     */
    protected PolicyUser identity() {
        return new PolicyUser(subject, scopes, roles, tenant, permissions);
    }

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }
}
