package io.policyauth.core;

import java.util.Map;

/**
 * What {@link AuthService#decide} made of one request: a grant with the caller, a refusal with its
 * {@link Denial}, or a policy that broke. Every front answers from this one value.
 */
public sealed interface Decision permits Decision.Granted, Decision.Denied, Decision.Failed {

    /**
     * @return the caller, as a grant gives it
     * @throws AuthException the refusal, when denied
     * @throws RuntimeException the failure, when the policy broke
     */
    AuthenticatedUser userOrThrow();

    /**
     * The request may proceed.
     *
     * @param user the caller; anonymous for {@code public}, and in dry-run after a refusal
     * @param headers what the policy adds to the answer (a rate limit's {@code RateLimit}), in order
     */
    record Granted(AuthenticatedUser user, Map<String, String> headers) implements Decision {

        /**
         * A grant that adds no header.
         *
         * @param user the caller
         */
        public Granted(AuthenticatedUser user) {
            this(user, Map.of());
        }

        @Override
        public AuthenticatedUser userOrThrow() {
            return user;
        }
    }

    /**
     * The request is refused (401, 403, 400) or cannot be decided right now (503).
     *
     * @param exception the refusal as the policy threw it
     */
    record Denied(AuthException exception) implements Decision {

        /**
         * @return the refusal: its kind, detail and challenges
         */
        public Denial denial() {
            return exception.denial();
        }

        @Override
        public AuthenticatedUser userOrThrow() {
            throw exception;
        }
    }

    /**
     * The policy broke (a bug, not a decision): the request is refused with a 500, and the failure
     * logged by the front that writes it.
     *
     * @param failure what the policy threw
     */
    record Failed(RuntimeException failure) implements Decision {

        @Override
        public AuthenticatedUser userOrThrow() {
            throw failure;
        }
    }
}
