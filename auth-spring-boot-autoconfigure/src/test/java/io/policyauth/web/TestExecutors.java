package io.policyauth.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.Challenge;
import io.policyauth.core.ForbiddenException;
import io.policyauth.core.SecurityRequestContext;

/** Executors a user might write, used to drive the web layer through every outcome. */
public final class TestExecutors {

    private TestExecutors() {
    }

    /** {@code Authorization: Token <subject>}; subject "forbidden" is a valid caller who is refused. */
    public record TokenHeader(String policy) implements AuthExecutor {

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            String header = context.headers().single("Authorization");
            Challenge challenge = Challenge.of("Token").with("realm", "test");
            if (header == null || !header.startsWith("Token ")) {
                throw new AuthenticationException("missing_token", "A token is required.", false,
                        List.of(challenge), null);
            }
            String subject = header.substring("Token ".length());
            if (subject.startsWith("bad")) {
                throw new AuthenticationException("invalid_token", "The token is invalid.", true,
                        List.of(challenge.with("error", "invalid_token")), null);
            }
            if (subject.equals("forbidden")) {
                throw new ForbiddenException("insufficient_scope", "The token lacks a scope.",
                        List.of(challenge.with("error", "insufficient_scope")));
            }
            return new AuthenticatedUser(subject, Set.of("read"), Set.of("user"), Set.of(), "t-1", null, null,
                    "token", null, Map.of());
        }
    }

    /** A policy whose backend is down. */
    public record Unavailable(String policy) implements AuthExecutor {

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            throw new AuthUnavailableException("backend_down", "The credential store cannot be reached.",
                    Duration.ofSeconds(7), new IllegalStateException("connection refused to db.internal:27017"));
        }
    }

    /** A policy with a bug. */
    record Broken(String policy) implements AuthExecutor {

        @Override
        public AuthenticatedUser execute(SecurityRequestContext context) {
            throw new IllegalStateException("bug");
        }
    }
}
