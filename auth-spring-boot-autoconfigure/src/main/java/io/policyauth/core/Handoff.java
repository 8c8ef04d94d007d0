package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * Hands what one step worked out for a request to the next step that asks about the very same
 * object, so it is not worked out twice: a reactive front asks {@link AuthExecutor#mayBlock(
 * SecurityRequestContext)} and then {@link AuthExecutor#execute} about one context, and both read
 * (and hash) the same credential. It holds one value, the last one given; another request's value
 * replaces it, in which case the next step works its own out again. The key is compared by
 * identity, never by equality, so a value is never handed to another request, and it is let go
 * once taken.
 *
 * @param <K> what the value was worked out for: the request's context, or a token read from it
 * @param <V> the value
 */
public final class Handoff<K, V> {

    private volatile @Nullable Held<K, V> held;

    /**
     * @param key the object the value was worked out for
     * @param value the value
     */
    public void give(K key, V value) {
        held = new Held<>(key, value);
    }

    /**
     * @param key the object the caller works for
     * @return the value given for that very object, or {@code null} when none was or another
     *         request's replaced it
     */
    public @Nullable V take(K key) {
        Held<K, V> last = held;
        if (last == null || last.key() != key) {
            return null;
        }
        held = null;
        return last.value();
    }

    private record Held<K, V>(K key, V value) {
    }
}
