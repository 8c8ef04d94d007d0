package io.policyauth.core;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read-only, case-insensitive, multi-valued view of request headers. Fronts implement it over
 * their own request type so that no header is copied on the request path.
 */
@FunctionalInterface
public interface RequestHeaders {

    /**
     * Every value of the header, one element per header line, in the order received.
     *
     * @param name header name, matched case-insensitively
     * @return the values, empty when the header is absent
     */
    List<String> values(String name);

    /**
     * The single value of a header that may appear at most once.
     *
     * @param name header name
     * @return the value, or {@code null} when absent
     * @throws InvalidCredentialRequestException when the header appears more than once
     */
    default @Nullable String single(String name) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidCredentialRequestException("duplicate_credential",
                    "The request carries more than one " + name + " header.", null);
        }
        return values.get(0);
    }

    /**
     * Headers from a map, for tests and for fronts that already hold a copy.
     *
     * @param headers header name to values
     * @return a case-insensitive view
     */
    static RequestHeaders of(Map<String, List<String>> headers) {
        // A case-insensitive order rather than lower-casing each lookup: no string per call.
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values), RequestHeaders::concat));
        return name -> byName.getOrDefault(name, List.of());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
