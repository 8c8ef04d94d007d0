package io.policyauth.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The URL of the request being decided as its client sent it: scheme, host and port as the server
 * sees them (through a proxy only as far as the server trusts it: Boot's
 * {@code server.forward-headers-strategy}), the raw path and the raw query. Built on first use, as
 * few policies read it (a DPoP proof names it).
 */
public final class RequestUrl {

    /** The URL of a request known only by its path (a gateway's original request). */
    public static final RequestUrl UNKNOWN = new RequestUrl(() -> null);

    private final Supplier<@Nullable String> text;
    private volatile @Nullable URI uri;
    private volatile boolean read;

    private RequestUrl(Supplier<@Nullable String> text) {
        this.text = text;
    }

    /**
     * @param text gives the URL's text when first asked, or {@code null} when it is unknown
     * @return the URL, read on first use
     */
    public static RequestUrl of(Supplier<@Nullable String> text) {
        return new RequestUrl(text);
    }

    /**
     * @return the URL, or {@code null} when it is unknown or no valid URI
     */
    public @Nullable URI uri() {
        if (!read) {
            String value = text.get();
            try {
                uri = value == null ? null : new URI(value);
            }
            catch (URISyntaxException invalid) {
                uri = null;
            }
            read = true;
        }
        return uri;
    }

    @Override
    public String toString() {
        return String.valueOf(uri());
    }
}
