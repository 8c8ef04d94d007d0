package io.policyauth.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

import io.policyauth.core.NearestNames;

/**
 * The property names that policy-auth's {@code @ConfigurationProperties} classes bind, as patterns
 * read from the classes themselves (a map key or a list index matches any element), so that a
 * configured name none of them binds can be told apart and a close valid name suggested.
 */
final class ConfigurationPropertyNames {

    private static final String ANY = "*";
    /* A map of values that are not beans: any name below it binds. */
    private static final String ANYTHING_BELOW = "**";

    private final List<List<String>> patterns = new ArrayList<>();

    /**
     * @param classes each properties class and the prefix it binds
     */
    ConfigurationPropertyNames(Map<Class<?>, String> classes) {
        classes.forEach((type, prefix) -> walk(elements(ConfigurationPropertyName.of(prefix)), type, 0));
    }

    /**
     * @param name a configured name under one of the prefixes
     * @return whether a properties class binds it
     */
    boolean binds(ConfigurationPropertyName name) {
        List<String> elements = elements(name);
        return patterns.stream().anyMatch(pattern -> matches(pattern, elements));
    }

    /**
     * @param name a configured name that no class binds
     * @return the closest name that one binds, with the map keys and indexes of the given name,
     *         or {@code null} when none is close
     */
    @Nullable String closest(ConfigurationPropertyName name) {
        List<String> elements = elements(name);
        List<String> candidates = new ArrayList<>();
        for (List<String> pattern : patterns) {
            if (pattern.size() != elements.size() || pattern.contains(ANYTHING_BELOW)) {
                continue;
            }
            List<String> candidate = new ArrayList<>(pattern);
            for (int i = 0; i < candidate.size(); i++) {
                if (candidate.get(i).equals(ANY)) {
                    candidate.set(i, elements.get(i));
                }
            }
            candidates.add(String.join(".", candidate));
        }
        String closest = NearestNames.nearest(String.join(".", elements), candidates);
        return closest == null ? null : display(closest);
    }

    private static String display(String dotted) {
        return dotted.replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
    }

    private void walk(List<String> prefix, Class<?> type, int depth) {
        if (depth > 6) {
            return;
        }
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getReadMethod() == null || property.getName().equals("class")) {
                continue;
            }
            List<String> name = new ArrayList<>(prefix);
            name.add(DataObjectPropertyName.toDashedForm(property.getName()));
            ResolvableType propertyType = ResolvableType.forMethodReturnType(property.getReadMethod());
            add(name, propertyType, depth);
        }
    }

    private void add(List<String> name, ResolvableType type, int depth) {
        Class<?> raw = type.resolve(Object.class);
        if (Map.class.isAssignableFrom(raw)) {
            Class<?> value = type.asMap().getGeneric(1).resolve(Object.class);
            if (isBean(value)) {
                walk(with(name, ANY), value, depth + 1);
            }
            else {
                patterns.add(with(name, ANYTHING_BELOW));
            }
            return;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Class<?> element = raw.isArray() ? raw.getComponentType()
                    : type.as(Collection.class).getGeneric(0).resolve(Object.class);
            patterns.add(name);
            if (isBean(element)) {
                walk(with(name, ANY), element, depth + 1);
            }
            else {
                patterns.add(with(name, ANY));
            }
            return;
        }
        if (isBean(raw)) {
            walk(name, raw, depth + 1);
            return;
        }
        patterns.add(name);
    }

    /* Our own nested properties classes; everything else (JDK, Spring, enums) binds as one value. */
    private static boolean isBean(Class<?> type) {
        return type.getName().startsWith("io.policyauth.autoconfigure.") && !type.isEnum();
    }

    private static List<String> with(List<String> name, String element) {
        List<String> longer = new ArrayList<>(name);
        longer.add(element);
        return longer;
    }

    /* Element by element as binding compares them: dashes and letter case do not count. */
    private static boolean matches(List<String> pattern, List<String> elements) {
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            if (expected.equals(ANYTHING_BELOW)) {
                return elements.size() > i;
            }
            if (i >= elements.size() || !expected.equals(ANY) && !uniform(expected).equals(uniform(elements.get(i)))) {
                return false;
            }
        }
        return pattern.size() == elements.size();
    }

    private static String uniform(String element) {
        return element.replace("-", "");
    }

    private static List<String> elements(ConfigurationPropertyName name) {
        List<String> elements = new ArrayList<>(name.getNumberOfElements());
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            elements.add(name.getElement(i, ConfigurationPropertyName.Form.DASHED));
        }
        return elements;
    }
}
