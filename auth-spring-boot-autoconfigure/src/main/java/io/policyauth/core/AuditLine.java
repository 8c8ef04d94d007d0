package io.policyauth.core;

import org.jspecify.annotations.Nullable;

/**
 * One {@code key=value} line of the audit logger, {@value #LOGGER}: values quoted when they hold a
 * space, quote or {@code =}, control characters replaced so that no value can forge a line.
 */
public final class AuditLine {

    /** The audit logger's name. */
    public static final String LOGGER = "policy-auth.audit";

    private final StringBuilder line = new StringBuilder(160);

    /**
     * @param key the key
     * @param value the value, or {@code null}, written {@code -}
     * @return this line
     */
    public AuditLine add(String key, @Nullable String value) {
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(key).append('=');
        if (value == null) {
            line.append('-');
            return this;
        }
        boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=');
        if (quote) {
            line.append('"');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                line.append('?');
            }
            else if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            }
            else {
                line.append(c);
            }
        }
        if (quote) {
            line.append('"');
        }
        return this;
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
