package io.policyauth.test;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;

import io.policyauth.web.MappedPolicy;
import io.policyauth.web.PolicyMap;

/**
 * Assertions over every mapped endpoint's effective policy (annotation, route or default), as the
 * policy map and {@code /actuator/policyauth} report it. Endpoints are written {@code "METHOD pattern"},
 * as mapped ({@code "GET /orders/{id}"}, {@code "* /legacy"} for a mapping of every method). The
 * {@code HEAD} that Spring MVC serves with a {@code GET} handler counts as that {@code GET}.
 */
public final class PolicyMapAssert extends AbstractAssert<PolicyMapAssert, PolicyMap> {

    PolicyMapAssert(PolicyMap actual) {
        super(actual, PolicyMapAssert.class);
    }

    /**
     * Fails, naming each endpoint that differs, unless exactly these endpoints admit anyone (no
     * credential needed: {@code public}, or a composite with {@code public} among its alternatives).
     *
     * @param endpoints the endpoints expected open, {@code "METHOD pattern"}
     * @return this
     */
    public PolicyMapAssert hasOnlyOpenEndpoints(String... endpoints) {
        isNotNull();
        List<MappedPolicy> entries = entries();
        Set<String> expected = new LinkedHashSet<>(Arrays.asList(endpoints));
        Set<String> open = entries.stream().filter(MappedPolicy::open).map(PolicyMapAssert::endpointOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> unexpected = entries.stream().filter(entry -> entry.open()
                && !expected.contains(endpointOf(entry))).map(PolicyMapAssert::describe).toList();
        List<String> closed = expected.stream().filter(endpoint -> !open.contains(endpoint)).map(endpoint ->
                entries.stream().filter(entry -> endpointOf(entry).equals(endpoint)).findFirst()
                        .map(PolicyMapAssert::describe).orElse(endpoint + " (not mapped)")).toList();
        if (!unexpected.isEmpty() || !closed.isEmpty()) {
            failWithMessage("Expected the only endpoints open to anyone to be %s.%s%s", expected,
                    unexpected.isEmpty() ? "" : "\nOpen but not expected: " + unexpected,
                    closed.isEmpty() ? "" : "\nExpected open but not: " + closed);
        }
        return this;
    }

    /**
     * @param endpoint {@code "METHOD pattern"}, for example {@code "POST /orders"}
     * @return assertions over that endpoint's policy; fails when it is not mapped
     */
    public EndpointPolicyAssert endpoint(String endpoint) {
        isNotNull();
        List<MappedPolicy> entries = entries();
        MappedPolicy entry = entries.stream().filter(candidate -> endpointOf(candidate).equals(endpoint.strip()))
                .findFirst().orElse(null);
        if (entry == null) {
            failWithMessage("No mapped endpoint %s. Mapped: %s", endpoint,
                    entries.stream().map(PolicyMapAssert::endpointOf).toList());
        }
        return new EndpointPolicyAssert(entry);
    }

    /**
     * @param method the HTTP method, or {@code *}
     * @param pattern the mapped pattern
     * @return assertions over that endpoint's policy; fails when it is not mapped
     */
    public EndpointPolicyAssert endpoint(String method, String pattern) {
        return endpoint(method + " " + pattern);
    }

    /* A HEAD row next to a GET row of the same pattern is the GET handler's: it is not listed apart. */
    private List<MappedPolicy> entries() {
        List<MappedPolicy> all = actual.entries();
        Set<String> getPatterns = all.stream().filter(entry -> "GET".equals(entry.method()))
                .map(MappedPolicy::pattern).collect(Collectors.toSet());
        return all.stream().filter(entry -> !("HEAD".equals(entry.method()) && getPatterns.contains(entry.pattern())))
                .toList();
    }

    static String endpointOf(MappedPolicy entry) {
        return entry.method() + " " + entry.pattern();
    }

    static String describe(MappedPolicy entry) {
        return endpointOf(entry) + " (" + entry.handler() + ": " + (entry.policy().isEmpty() ? "exempt"
                : String.join("|", entry.policy())) + ", from " + entry.source().name().toLowerCase() + ")";
    }
}
