package io.policyauth.openapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.PolicyDefinition;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.Requirements;

/**
 * What an operation's policy means to a reader of the document: one sentence saying who may call
 * it, and the refusals it can give (401 only where a credential would change the answer, 403 where
 * a known caller can still be refused, 503 where the decision depends on a backend). Never a CIDR
 * or a key.
 */
final class PolicyCallers {

    private PolicyCallers() {
    }

    /**
     * @param policy the effective policy of an operation
     * @return who may call it, as a sentence
     */
    static String sentence(PolicyDescription policy) {
        String limit = policy.attributes().get(PolicyDescription.RATE_LIMIT);
        return "Who may call: " + callers(policy) + (limit == null ? "" : "; rate limit " + limit) + ".";
    }

    /**
     * @param policy the effective policy of an operation
     * @param dependsOnBackend whether deciding may wait on a backend (a JWK Set, a database, an authorizer)
     * @return the refusal statuses it can answer with, in order
     */
    static Set<String> refusals(PolicyDescription policy, boolean dependsOnBackend) {
        Set<String> statuses = new LinkedHashSet<>();
        if (asksForCredential(policy)) {
            statuses.add("401");
        }
        if (canRefuseAKnownCaller(policy)) {
            statuses.add("403");
        }
        if (policy.attributes().containsKey(PolicyDescription.RATE_LIMIT)) {
            statuses.add("429");
        }
        if (dependsOnBackend) {
            statuses.add("503");
        }
        return statuses;
    }

    private static String callers(PolicyDescription policy) {
        String callers;
        if (policy.isComposite()) {
            String joint = policy.kind().equals(PolicyDefinition.Combination.ALL_OF.kind()) ? " and also " : " or ";
            callers = String.join(joint, policy.members().stream().map(member -> callers(member.describe()))
                    .toList());
        }
        else {
            callers = switch (policy.kind()) {
                case PolicyDescription.PUBLIC -> "anyone";
                case "jwt" -> "callers with a valid bearer token (policy " + policy.name() + ")";
                case "shared-api-key" -> "callers with a shared API key";
                case "db-api-key" -> "callers with a per-client API key";
                case "internal" -> "callers from the configured networks";
                case "client-certificate" -> "callers with a trusted TLS client certificate";
                case "remote" -> "callers the authorization service of policy " + policy.name() + " admits";
                default -> "callers policy " + policy.name() + " admits";
            };
        }
        return callers + held(policy.requirements());
    }

    private static String held(Requirements requirements) {
        StringBuilder held = new StringBuilder();
        if (!requirements.scopes().isEmpty()) {
            held.append(" holding scopes ").append(String.join(", ", requirements.scopes()));
        }
        if (!requirements.roles().isEmpty()) {
            held.append(held.isEmpty() ? " with" : " and").append(" roles ")
                    .append(String.join(", ", requirements.roles()));
        }
        return held.toString();
    }

    /* A credential could change the answer: some leaf reads one (or says nothing about itself). */
    private static boolean asksForCredential(PolicyDescription policy) {
        if (policy.isComposite()) {
            return members(policy).stream().anyMatch(PolicyCallers::asksForCredential);
        }
        // An address or a certificate is judged, never challenged for: their refusals are 403.
        return policy.credential() != null
                && policy.credential().type() != CredentialDescription.Type.CLIENT_ADDRESS
                && policy.credential().type() != CredentialDescription.Type.CLIENT_CERTIFICATE
                || policy.kind().equals(PolicyDescription.CUSTOM);
    }

    /* Requirements anywhere, an address check, an authorizer's own refusal, or a policy that does not say. */
    private static boolean canRefuseAKnownCaller(PolicyDescription policy) {
        if (!policy.requirements().isEmpty()) {
            return true;
        }
        if (policy.isComposite()) {
            return members(policy).stream().anyMatch(PolicyCallers::canRefuseAKnownCaller);
        }
        return List.of("internal", "client-certificate", "remote", PolicyDescription.CUSTOM).contains(policy.kind());
    }

    private static List<PolicyDescription> members(PolicyDescription policy) {
        return policy.members().stream().map(AuthExecutor::describe).toList();
    }
}
