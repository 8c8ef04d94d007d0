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
}
