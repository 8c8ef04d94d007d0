package io.policyauth.web;

import java.util.List;

import io.policyauth.core.AuthExecutor;

/**
 * The effective policy of one handler, resolved once.
 *
 * @param names the policy names, in order ("any of")
 * @param executor the executor that enforces them, or {@code null} when exempt
 * @param source where the names come from
 */
public record HandlerPolicy(List<String> names, AuthExecutor executor, PolicySource source) {

    static final HandlerPolicy EXEMPT = new HandlerPolicy(List.of(), null, PolicySource.EXEMPT);

    public HandlerPolicy {
        names = List.copyOf(names);
    }

    /**
     * @return whether requests to this handler are not checked
     */
    public boolean exempt() {
        return source == PolicySource.EXEMPT;
    }

    /**
     * @return the name used in responses and metrics, {@code a|b} for several
     */
    public String name() {
        return String.join("|", names);
    }
}
