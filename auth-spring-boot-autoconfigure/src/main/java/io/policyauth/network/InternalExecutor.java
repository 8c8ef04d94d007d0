package io.policyauth.network;

import java.util.List;
import java.util.Objects;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * The {@code internal} policy: a request passes when its client address, as resolved behind
 * trusted proxies, lies in an allowed CIDR. A refusal is a 403 without challenges, since no
 * credential could change it.
 */
public final class InternalExecutor implements AuthExecutor {

    /** The policy name. */
    public static final String POLICY = "internal";

    /** The mechanism of the users this policy admits. */
    public static final String MECHANISM = "internal";

    private final CidrSet allowed;
    private final ClientAddressResolver clientAddressResolver;

    /**
     * @param allowed the blocks whose clients pass
     * @param clientAddressResolver finds the client address of a request
     */
    public InternalExecutor(CidrSet allowed, ClientAddressResolver clientAddressResolver) {
        this.allowed = Objects.requireNonNull(allowed, "allowed");
        this.clientAddressResolver = Objects.requireNonNull(clientAddressResolver, "clientAddressResolver");
    }

    @Override
    public String policy() {
        return POLICY;
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public PolicyDescription describe() {
        return PolicyDescription.leaf(POLICY, POLICY, new CredentialDescription(CredentialDescription.Type.CLIENT_ADDRESS,
                null), List.of());
    }

    /**
     * @return the blocks whose clients pass
     */
    public CidrSet allowed() {
        return allowed;
    }

    /**
     * {@inheritDoc}
     *
     * @return a user whose subject is the client address in canonical form
     * @throws ForbiddenException {@code address_not_allowed} when the client address is outside
     *         every allowed block or cannot be determined
     */
    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        byte[] client = clientAddressResolver.resolve(context).orElse(null);
        if (!allowed.matches(client)) {
            // The same generic refusal whatever the reason: never echo an address or a header.
            throw new ForbiddenException("address_not_allowed",
                    "The client address is not allowed to access this resource.", List.of());
        }
        return AuthenticatedUser.builder(IpAddresses.format(client), MECHANISM)
                .credential(CredentialDescription.Type.CLIENT_ADDRESS).build();
    }
}
