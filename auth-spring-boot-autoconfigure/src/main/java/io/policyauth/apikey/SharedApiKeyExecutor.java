package io.policyauth.apikey;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.InvalidCredentialRequestException;
import io.policyauth.core.PolicyDescription;
import io.policyauth.core.SecurityRequestContext;

/**
 * The {@code shared_api_key} policy: the request must carry one of a few configured keys in a
 * header. Several keys may be configured so that a key can be rotated without downtime.
 * <p>
 * Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}: equal-length inputs make
 * the comparison time independent of where a guess goes wrong and of the guess's length, and every
 * configured key is compared, so the time does not tell which key (if any) matched. The caller is
 * named after the position of its key ({@code shared-key-1}, ...), never after the key.
 */
public final class SharedApiKeyExecutor implements AuthExecutor {

    /** The policy name. */
    public static final String POLICY = "shared_api_key";

    /** The mechanism of the users this policy admits. */
    public static final String MECHANISM = "shared_api_key";

    /** The header read when none is configured. */
    public static final String DEFAULT_HEADER_NAME = "X-API-KEY";

    /** The shortest key accepted: anything shorter is guessable. */
    public static final int MIN_KEY_LENGTH = 16;

    /** The {@link PolicyDescription#kind()} of this policy. */
    public static final String KIND = "shared-api-key";

    private final ApiKeyHeader header;
    private final byte[][] keyDigests;
    private final List<AuthenticatedUser> users;

    /**
     * @param headerName the header that carries the key, for example {@value #DEFAULT_HEADER_NAME}
     * @param sharedKeys the accepted keys, at least one, each at least {@value #MIN_KEY_LENGTH}
     *        characters long and all different
     * @throws IllegalArgumentException when a key is missing, too short or repeated; the message
     *         names the key by its 1-based position, never by its value
     */
    public SharedApiKeyExecutor(String headerName, List<String> sharedKeys) {
        this.header = new ApiKeyHeader(headerName);
        if (sharedKeys == null || sharedKeys.isEmpty()) {
            throw new IllegalArgumentException("At least one shared API key is required");
        }
        this.keyDigests = new byte[sharedKeys.size()][];
        List<AuthenticatedUser> users = new ArrayList<>(sharedKeys.size());
        for (int i = 0; i < sharedKeys.size(); i++) {
            String key = sharedKeys.get(i);
            int position = i + 1;
            if (key == null || key.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("Shared API key #" + position + " is shorter than "
                        + MIN_KEY_LENGTH + " characters");
            }
            keyDigests[i] = ApiKeyHash.digest(key);
            for (int earlier = 0; earlier < i; earlier++) {
                if (MessageDigest.isEqual(keyDigests[earlier], keyDigests[i])) {
                    throw new IllegalArgumentException("Shared API keys #" + (earlier + 1) + " and #" + position
                            + " are the same key");
                }
            }
            users.add(AuthenticatedUser.builder("shared-key-" + position, MECHANISM)
                    .credential(CredentialDescription.Type.API_KEY).build());
        }
        this.users = List.copyOf(users);
    }

    @Override
    public String policy() {
        return POLICY;
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public PolicyDescription describe() {
        return header.describe(POLICY, KIND);
    }

    /**
     * @return the header that carries the key
     */
    public String headerName() {
        return header.name();
    }

    /**
     * {@inheritDoc}
     *
     * @return the user {@code shared-key-N}, N being the 1-based position of the matching key
     * @throws AuthenticationException {@code missing_api_key} or {@code invalid_api_key}
     * @throws InvalidCredentialRequestException {@code duplicate_credential} when the header
     *         appears more than once
     */
    @Override
    public AuthenticatedUser execute(SecurityRequestContext context) {
        byte[] presentedDigest = ApiKeyHash.digest(header.read(context));
        int matched = -1;
        for (int i = 0; i < keyDigests.length; i++) {
            // No early exit: every key is compared whatever the outcome.
            if (MessageDigest.isEqual(presentedDigest, keyDigests[i]) && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            throw header.invalid();
        }
        return users.get(matched);
    }
}
