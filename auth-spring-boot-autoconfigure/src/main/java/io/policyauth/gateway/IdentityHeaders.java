package io.policyauth.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.CredentialDescription;

/**
 * The headers a granted answer carries for the gateway to pass upstream ({@code auth_request_set},
 * {@code allowed_upstream_headers}). Values are printable ASCII: any other character, and
 * {@code %}, are percent-encoded as UTF-8, so no claim can split or forge a header. Scopes are
 * and permissions are separated by spaces (as in OAuth's {@code scope}), roles by commas. {@code X-Auth-Mechanism}
 * says how the caller was authenticated and {@code X-Auth-Issuer} which issuer signed its token,
 * so one subject name from two issuers or mechanisms is never the same caller upstream. An
 * anonymous caller (a {@code public} policy) gets only {@code X-Auth-Policy}.
 */
public final class IdentityHeaders {

    /** Who the caller is. */
    public static final String SUBJECT = "X-Auth-Subject";
    /** The caller's scopes, space-separated. */
    public static final String SCOPES = "X-Auth-Scopes";
    /** The caller's roles, comma-separated. */
    public static final String ROLES = "X-Auth-Roles";
    /** The caller's permissions, space-separated: those of its roles, under tenancy. */
    public static final String PERMISSIONS = "X-Auth-Permissions";
    /** The caller's tenant. */
    public static final String TENANT = "X-Auth-Tenant";
    /** The policy that granted the request. */
    public static final String POLICY = "X-Auth-Policy";
    /** How the caller was authenticated, as {@link AuthenticatedUser#mechanism()} names it. */
    public static final String MECHANISM = "X-Auth-Mechanism";
    /** The {@code iss} of the caller's token; absent for keys and addresses. */
    public static final String ISSUER = "X-Auth-Issuer";

    private static final String ISSUER_CLAIM = "iss";

    private IdentityHeaders() {
    }

    static List<Map.Entry<String, String>> of(String policy, AuthenticatedUser user) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(8);
        headers.add(Map.entry(POLICY, encode(policy, "")));
        if (user.isAnonymous()) {
            return headers;
        }
        headers.add(Map.entry(SUBJECT, encode(user.subject(), "")));
        headers.add(Map.entry(MECHANISM, encode(user.mechanism(), "")));
        if (user.credential() == CredentialDescription.Type.BEARER_TOKEN
                && user.claims().get(ISSUER_CLAIM) instanceof String issuer) {
            headers.add(Map.entry(ISSUER, encode(issuer, "")));
        }
        if (!user.scopes().isEmpty()) {
            headers.add(Map.entry(SCOPES, join(user.scopes(), ' ')));
        }
        if (!user.roles().isEmpty()) {
            headers.add(Map.entry(ROLES, join(user.roles(), ',')));
        }
        if (!user.permissions().isEmpty()) {
            headers.add(Map.entry(PERMISSIONS, join(user.permissions(), ' ')));
        }
        if (user.tenant() != null) {
            headers.add(Map.entry(TENANT, encode(user.tenant(), "")));
        }
        return headers;
    }

    private static String join(Collection<String> values, char separator) {
        String separatorText = String.valueOf(separator);
        return values.stream().map(value -> encode(value, separatorText))
                .collect(Collectors.joining(separatorText));
    }

    /* Percent-encodes '%', the separator and every byte outside printable ASCII. */
    static String encode(String value, String separator) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c > 0x20 && c < 0x7f && c != '%' && separator.indexOf(c) < 0;
        }
        if (plain) {
            return value;
        }
        StringBuilder encoded = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '%' && separator.indexOf(c) < 0) {
                encoded.append((char) c);
            }
            else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
