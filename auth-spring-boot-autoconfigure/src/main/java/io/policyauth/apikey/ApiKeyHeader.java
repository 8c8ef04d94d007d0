package io.policyauth.apikey;

import java.util.List;

import io.policyauth.core.AuthenticationException;
import io.policyauth.core.Challenge;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.InvalidCredentialRequestException;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * The header both key policies read, and their answers about it: the {@code ApiKey} challenge, a
 * missing key, two key headers, a key that is not accepted. One sentence for every refused key,
 * so a response tells nothing about which keys exist.
 */
final class ApiKeyHeader {

    private static final String CHALLENGE_SCHEME = "ApiKey";

    private final String name;
    private final List<Challenge> missingChallenges;
    private final List<Challenge> invalidChallenges;
    private final Challenge duplicateChallenge;
    private final String missingDetail;
    private final String duplicateDetail;

    /**
     * @param name the header that carries the key
     * @throws IllegalArgumentException when the name is blank
     */
    ApiKeyHeader(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The API key header name must not be blank");
        }
        this.name = name;
        Challenge challenge = Challenge.of(CHALLENGE_SCHEME).with("header", name);
        this.missingChallenges = List.of(challenge);
        this.invalidChallenges = List.of(challenge.with("error", "invalid_key"));
        this.duplicateChallenge = challenge.with("error", "invalid_request");
        this.missingDetail = "An API key is required in the " + name + " header.";
        this.duplicateDetail = "The request carries more than one " + name + " header.";
    }

    String name() {
        return name;
    }

    /**
     * @return the presented key, never empty
     * @throws AuthenticationException {@code missing_api_key}
     * @throws InvalidCredentialRequestException {@code duplicate_credential} for two headers
     */
    String read(SecurityRequestContext context) {
        String presented;
        try {
            presented = context.headers().single(name);
        }
        catch (InvalidCredentialRequestException duplicate) {
            throw new InvalidCredentialRequestException(duplicate.reason(), duplicateDetail, duplicateChallenge);
        }
        if (presented == null || presented.isEmpty()) {
            throw new AuthenticationException("missing_api_key", missingDetail, false, missingChallenges, null);
        }
        return presented;
    }

    /**
     * @return the 401 for a key that is malformed, unknown, revoked or expired
     */
    AuthenticationException invalid() {
        return new AuthenticationException("invalid_api_key", "The API key is invalid.", true, invalidChallenges,
                null);
    }

    PolicyDescription describe(String policy, String kind) {
        return PolicyDescription.leaf(policy, kind, CredentialDescription.apiKey(name), missingChallenges);
    }
}
