package io.policyauth.resource;

/** What came of one resource check, as metrics and audit tell it. */
public enum ResourceEffect {

    /** The caller may. */
    ALLOW("allow"),
    /** The caller may not. */
    DENY("deny"),
    /** The caller may not, and the endpoint's policy runs dry: the request went on. */
    WOULD_DENY("would_deny"),
    /** The engine could not answer: nothing was granted. */
    UNAVAILABLE("unavailable");

    private final String tag;

    ResourceEffect(String tag) {
        this.tag = tag;
    }

    /**
     * @return its name in metrics and audit
     */
    public String tag() {
        return tag;
    }
}
