package io.policyauth.jwt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CredentialDescription;

/**
 * Where a token's claims hold the caller's subject, scopes, roles, tenant and permissions, each as
 * one or more {@link ClaimPath}s, as providers put them in different places: Keycloak's
 * {@code realm_access.roles} and {@code resource_access.<client>.roles}, Auth0's
 * {@code permissions}, Entra ID's {@code roles}, Cognito's {@code cognito:groups}. The values of
 * all scope paths are joined, and so are those of all role paths and of all permission paths; the
 * subject and the tenant are the first path that holds a string. A claim holds an array of strings
 * or a space-separated string; anything else in a mapped claim is ignored.
 *
 * @param subject where the subject is, first match wins
 * @param scopes where scopes are, all joined
 * @param roles where roles are, all joined
 * @param tenant where the tenant is, first match wins
 * @param permissions where permissions are, all joined
 */
public record ClaimMapping(List<ClaimPath> subject, List<ClaimPath> scopes, List<ClaimPath> roles,
        List<ClaimPath> tenant, List<ClaimPath> permissions) {

    /** {@code sub}; {@code scope} then {@code scp}; {@code roles}; {@code tenant}; {@code permissions}. */
    public static final ClaimMapping DEFAULT = of(List.of("sub"), List.of(JwtClaimNames.SCOPE,
            JwtClaimNames.SCP), List.of(JwtClaimNames.ROLES), List.of("tenant"))
            .withPermissions(List.of("permissions"));

    public ClaimMapping {
        subject = nonEmpty(subject, "subject");
        scopes = List.copyOf(scopes);
        roles = List.copyOf(roles);
        tenant = List.copyOf(tenant);
        permissions = List.copyOf(permissions);
    }

    /**
     * @param subject subject paths, for example {@code sub}
     * @param scopes scope paths
     * @param roles role paths, for example {@code realm_access.roles}
     * @param tenant tenant paths
     * @return the mapping
     * @throws IllegalArgumentException for a malformed path or no subject path
     */
    public static ClaimMapping of(Collection<String> subject, Collection<String> scopes, Collection<String> roles,
            Collection<String> tenant) {
        return new ClaimMapping(parse(subject), parse(scopes), parse(roles), parse(tenant), List.of());
    }

    /**
     * @param paths role paths
     * @return this mapping reading roles there instead
     */
    public ClaimMapping withRoles(Collection<String> paths) {
        return new ClaimMapping(subject, scopes, parse(paths), tenant, permissions);
    }

    /**
     * @param paths permission paths, for example {@code permissions}
     * @return this mapping reading permissions there
     */
    public ClaimMapping withPermissions(Collection<String> paths) {
        return new ClaimMapping(subject, scopes, roles, tenant, parse(paths));
    }

    /**
     * @param claims verified claims
     * @return the subject, or {@code null} when no subject path holds a non-blank string
     */
    public @Nullable String subjectOf(Map<String, Object> claims) {
        return firstString(subject, claims);
    }

    /**
     * The user of verified claims: {@code jti} and {@code exp} from their registered claims, the
     * rest by this mapping, and every claim not mapped at top level kept as an attribute.
     *
     * @param claims verified claims, with a subject (see {@link #subjectOf})
     * @param mechanism the mechanism that verified them
     * @return the user
     */
    public AuthenticatedUser toUser(Map<String, Object> claims, String mechanism) {
        Map<String, Object> rest = new LinkedHashMap<>(claims.size() * 2);
        for (Map.Entry<String, Object> claim : claims.entrySet()) {
            if (!isMappedAtTopLevel(claim.getKey())) {
                rest.put(claim.getKey(), claim.getValue());
            }
        }
        String subjectValue = subjectOf(claims);
        return AuthenticatedUser.builder(subjectValue == null ? "" : subjectValue, mechanism)
                .scopes(joined(scopes, claims)).roles(joined(roles, claims))
                .tokenId(claims.get("jti") instanceof String jti ? jti : null).expiresAt(expiry(claims.get("exp")))
                .tenant(firstString(tenant, claims)).permissions(joined(permissions, claims))
                .credential(CredentialDescription.Type.BEARER_TOKEN)
                .claims(rest).build();
    }

    private boolean isMappedAtTopLevel(String claim) {
        if (claim.equals("jti") || claim.equals("exp")) {
            return true;
        }
        for (List<ClaimPath> paths : List.of(subject, scopes, roles, tenant, permissions)) {
            for (ClaimPath path : paths) {
                if (path.isTopLevel() && path.segments().get(0).equals(claim)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> joined(List<ClaimPath> paths, Map<String, Object> claims) {
        if (paths.size() == 1) {
            return words(paths.get(0).resolve(claims));
        }
        Set<String> all = new LinkedHashSet<>();
        for (ClaimPath path : paths) {
            all.addAll(words(path.resolve(claims)));
        }
        return all;
    }

    private static @Nullable String firstString(List<ClaimPath> paths, Map<String, Object> claims) {
        for (ClaimPath path : paths) {
            if (path.resolve(claims) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** An array of strings or a space-separated string; anything else is no value. */
    private static Set<String> words(@Nullable Object value) {
        if (value instanceof String text) {
            Set<String> words = new LinkedHashSet<>();
            int start = -1;
            for (int i = 0; i <= text.length(); i++) {
                boolean separator = i == text.length() || Character.isWhitespace(text.charAt(i));
                if (separator && start >= 0) {
                    words.add(text.substring(start, i));
                    start = -1;
                }
                else if (!separator && start < 0) {
                    start = i;
                }
            }
            return words;
        }
        if (value instanceof Collection<?> items) {
            Set<String> strings = new LinkedHashSet<>(items.size() * 2);
            for (Object item : items) {
                if (item instanceof String string && !string.isBlank()) {
                    strings.add(string);
                }
            }
            return strings;
        }
        return Set.of();
    }

    private static @Nullable Instant expiry(@Nullable Object exp) {
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        return exp instanceof Instant instant ? instant : null;
    }

    private static List<ClaimPath> parse(Collection<String> paths) {
        List<ClaimPath> parsed = new ArrayList<>(paths.size());
        for (String path : paths) {
            parsed.add(ClaimPath.parse(path));
        }
        return parsed;
    }

    private static List<ClaimPath> nonEmpty(List<ClaimPath> paths, String what) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " claim mapping needs at least one path");
        }
        return List.copyOf(paths);
    }
}
