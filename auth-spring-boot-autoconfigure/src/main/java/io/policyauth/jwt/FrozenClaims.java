package io.policyauth.jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of parsed JSON claims. A cached user is shared by every request that
 * presents its token, so no handler may be able to change a nested list or object under another.
 */
final class FrozenClaims {

    private FrozenClaims() {
    }

    static Map<String, Object> of(Map<String, Object> claims) {
        Map<String, Object> copy = new LinkedHashMap<>(claims.size() * 2);
        claims.forEach((name, value) -> copy.put(name, freeze(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> object) {
            Map<Object, Object> copy = new LinkedHashMap<>(object.size() * 2);
            object.forEach((name, member) -> copy.put(name, freeze(member)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> array) {
            // JSON arrays may hold nulls, which List.copyOf refuses.
            List<Object> copy = new ArrayList<>(array.size());
            for (Object element : array) {
                copy.add(freeze(element));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
