package io.policyauth.core;

import java.net.URI;

/** Backend locations as logs and reports may show them. */
public final class Locations {

    private Locations() {
    }

    /**
     * @param uri a backend's location
     * @return its scheme, host, port and path: user information and the query may hold credentials
     */
    public static String withoutCredentials(URI uri) {
        if (uri.getHost() == null) {
            return "(a URI without a host)";
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
