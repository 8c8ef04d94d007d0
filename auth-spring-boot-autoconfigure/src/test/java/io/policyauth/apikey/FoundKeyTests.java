package io.policyauth.apikey;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.policyauth.core.AuthenticatedUser;

import static org.assertj.core.api.Assertions.assertThat;

class FoundKeyTests {

    private final FoundKey found = new FoundKey(new StoredApiKey("hash", new ApiKeyMetadata("k1", "client-7", null,
            null, null, null, Instant.EPOCH, null, null, null, null)));

    @Test
    void theCallerIsBuiltOnceForTheSameFunction() {
        AtomicInteger builds = new AtomicInteger();
        Function<StoredApiKey, AuthenticatedUser> build = key -> {
            builds.incrementAndGet();
            return AuthenticatedUser.builder(key.metadata().owner(), "db_api_key").build();
        };

        AuthenticatedUser first = found.caller(build);

        assertThat(found.caller(build)).isSameAs(first);
        assertThat(builds).hasValue(1);
    }

    @Test
    void anotherFunctionBuildsItsOwnCaller() {
        Function<StoredApiKey, AuthenticatedUser> reader = key -> AuthenticatedUser.builder("reader", "m").build();
        Function<StoredApiKey, AuthenticatedUser> writer = key -> AuthenticatedUser.builder("writer", "m").build();

        found.caller(reader);

        assertThat(found.caller(writer).subject()).isEqualTo("writer");
        assertThat(found.caller(reader).subject()).isEqualTo("reader");
    }
}
