package io.policyauth.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Every mapped endpoint of the application with its effective policy and where it comes from: the
 * answer to "which endpoints are open?".
 */
public final class PolicyMap {

    private final Supplier<? extends Collection<MappedHandler>> mappings;
    private final EffectivePolicies policies;
    private final Supplier<? extends Collection<MappedPolicy>> others;

    /**
     * @param mappings the application's mapped handler methods (Spring MVC's or WebFlux's), asked
     *        for on each build
     * @param policies the effective policies
     */
    public PolicyMap(Supplier<? extends Collection<MappedHandler>> mappings, EffectivePolicies policies) {
        this(mappings, policies, List::of);
    }

    /**
     * @param mappings the application's mapped handlers (Spring MVC's or WebFlux's), asked for on
     *        each build
     * @param policies the effective policies
     * @param others endpoints answered before any handler (the gateway's), asked for on each build
     */
    public PolicyMap(Supplier<? extends Collection<MappedHandler>> mappings, EffectivePolicies policies,
            Supplier<? extends Collection<MappedPolicy>> others) {
        this.mappings = mappings;
        this.policies = policies;
        this.others = others;
    }

    /**
     * @return one entry per mapped pattern and method, sorted by pattern
     * @throws IllegalStateException when an annotation names an unregistered policy
     */
    public List<MappedPolicy> entries() {
        List<MappedPolicy> entries = new ArrayList<>();
        for (MappedHandler handler : mappings.get()) {
            addEntries(handler, entries);
        }
        entries.addAll(others.get());
        entries.sort(Comparator.comparing(MappedPolicy::pattern).thenComparing(MappedPolicy::method));
        return entries;
    }

    /**
     * @return the handler policies behind this map
     */
    public EffectivePolicies policies() {
        return policies;
    }

    private void addEntries(MappedHandler mapped, List<MappedPolicy> entries) {
        Set<RequestMethod> methods = servedMethods(mapped.methods());
        for (String pattern : mapped.patterns()) {
            if (methods.isEmpty()) {
                entries.add(entry(pattern, null, mapped, policy(mapped, pattern, null)));
            }
            for (RequestMethod method : methods) {
                entries.add(entry(pattern, method.name(), mapped, policy(mapped, pattern, method.name())));
            }
        }
    }

    private EffectivePolicy policy(MappedHandler mapped, String pattern, @Nullable String method) {
        if (mapped.policy() != null) {
            return mapped.policy();
        }
        HandlerMethod handler = mapped.handler();
        return handler != null ? policies.forMapping(handler, pattern, method) : policies.forPattern(pattern, method);
    }

    /** Spring MVC and WebFlux serve {@code HEAD} with {@code GET} handlers: the map lists it, as it is decided apart. */
    private static Set<RequestMethod> servedMethods(Set<RequestMethod> mapped) {
        if (!mapped.contains(RequestMethod.GET) || mapped.contains(RequestMethod.HEAD)) {
            return mapped;
        }
        Set<RequestMethod> served = EnumSet.copyOf(mapped);
        served.add(RequestMethod.HEAD);
        return served;
    }

    private MappedPolicy entry(String pattern, @Nullable String method, MappedHandler handler,
            EffectivePolicy policy) {
        return new MappedPolicy(pattern, method == null ? "*" : method, handler.name(), policy.names(),
                policy.requirements(), policy.source(), policy.enforcement(),
                !policy.exempt() && policy.executor().describe().admitsAnyone(),
                handler.handler() != null, policy.tenant(),
                policies.resolvedResource(policy.resource(), method));
    }
}
