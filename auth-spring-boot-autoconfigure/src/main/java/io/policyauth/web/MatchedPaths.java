package io.policyauth.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.server.PathContainer;

/** The path of a request as handlers and routes match it, on any web stack. */
public final class MatchedPaths {

    /* {name}, {name:regex} and {*name}, as PathPattern writes variables. */
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z_][A-Za-z0-9_]*)[:}]");

    private MatchedPaths() {
    }

    /**
     * @param pattern a path pattern, such as {@code /tenants/{tenantId}/orders/{id:[0-9]+}}
     * @return the names of its variables, in order
     */
    public static Set<String> variables(String pattern) {
        Set<String> names = new LinkedHashSet<>();
        Matcher variable = VARIABLE.matcher(pattern);
        while (variable.find()) {
            names.add(variable.group(1));
        }
        return names;
    }

    /**
     * Handlers and routes match decoded segments without their ';' parameters; so must anyone told
     * the path, or '/api/%61dmin' and '/api/admin;x=1' would read differently to them.
     *
     * @param path a parsed path
     * @return the path as handlers and routes match it: each segment decoded once, {@code ;}
     *         parameters removed, a decoded {@code /} kept as {@code %2F}
     */
    public static String valueToMatch(PathContainer path) {
        String raw = path.value();
        if (raw.indexOf('%') < 0 && raw.indexOf(';') < 0) {
            return raw;
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String value = segment.valueToMatch();
                decoded.append(value.indexOf('/') < 0 ? value : value.replace("/", "%2F"));
            }
            else {
                decoded.append(element.value());
            }
        }
        return decoded.toString();
    }

    /**
     * The inverse of {@link #valueToMatch(PathContainer)}: a path that parses to segments matching as
     * the request's did.
     *
     * @param valueToMatch a path as {@link #valueToMatch(PathContainer)} gives it
     * @return the path, parsed
     */
    public static PathContainer parseValueToMatch(String valueToMatch) {
        if (valueToMatch.indexOf('%') < 0 && valueToMatch.indexOf(';') < 0) {
            return PathContainer.parsePath(valueToMatch);
        }
        StringBuilder encoded = new StringBuilder(valueToMatch.length() + 8);
        for (int i = 0; i < valueToMatch.length(); i++) {
            char c = valueToMatch.charAt(i);
            if (c == '%' && !valueToMatch.startsWith("%2F", i)) {
                encoded.append("%25");
            }
            else if (c == ';') {
                encoded.append("%3B");
            }
            else {
                encoded.append(c);
            }
        }
        return PathContainer.parsePath(encoded.toString());
    }
}
