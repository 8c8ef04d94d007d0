package io.policyauth.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The ordered, unmodifiable copies an {@link AuthenticatedUser} keeps. A copy made here is known to
 * be one, so a user derived from another (its permissions resolved, its credential stated) shares
 * its collections instead of copying them again on every request. Nobody outside this class can
 * make one, so nobody holds a way to change it.
 */
final class FrozenCollections {

    private FrozenCollections() {
    }

    /** The values in order, lower-cased, frozen; the same set when it is such a copy already. */
    static Set<String> lowerCase(@Nullable Collection<String> values) {
        if (values instanceof FrozenSet frozen && frozen.lowerCase) {
            return frozen;
        }
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        LinkedHashSet<String> lower = new LinkedHashSet<>(values.size() * 2);
        for (String value : values) {
            lower.add(value.toLowerCase(Locale.ROOT));
        }
        return new FrozenSet(lower, true);
    }

    /** The values in order, frozen; the same set when it is a frozen copy already. */
    static Set<String> set(@Nullable Collection<String> values) {
        if (values instanceof FrozenSet frozen) {
            return frozen;
        }
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        return new FrozenSet(new LinkedHashSet<>(values), false);
    }

    /** The entries in order, frozen; the same map when it is a frozen copy already. */
    static Map<String, Object> map(@Nullable Map<String, Object> entries) {
        if (entries instanceof FrozenMap) {
            return entries;
        }
        if (entries == null || entries.isEmpty()) {
            return Map.of();
        }
        return new FrozenMap(new LinkedHashMap<>(entries));
    }

    /*
     * Lookups go to the LinkedHashSet and LinkedHashMap themselves, one call a JIT inlines, and only
     * iteration through an unmodifiable view: requests read these on every decision.
     */
    private static final class FrozenSet extends AbstractSet<String> {

        private final LinkedHashSet<String> values;
        private final Set<String> view;
        private final boolean lowerCase;

        FrozenSet(LinkedHashSet<String> values, boolean lowerCase) {
            this.values = values;
            this.view = Collections.unmodifiableSet(values);
            this.lowerCase = lowerCase;
        }

        @Override
        public Iterator<String> iterator() {
            return view.iterator();
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public boolean contains(Object value) {
            return values.contains(value);
        }
    }

    private static final class FrozenMap extends AbstractMap<String, Object> {

        private final LinkedHashMap<String, Object> entries;
        private final Map<String, Object> view;

        FrozenMap(LinkedHashMap<String, Object> entries) {
            this.entries = entries;
            this.view = Collections.unmodifiableMap(entries);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return view.entrySet();
        }

        @Override
        public @Nullable Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }
}
