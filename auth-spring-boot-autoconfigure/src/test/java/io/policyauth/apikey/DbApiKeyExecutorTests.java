package io.policyauth.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.AuthenticationException;
import io.policyauth.core.Challenge;
import io.policyauth.core.InvalidCredentialRequestException;
import io.policyauth.core.PublicExecutor;
import io.policyauth.core.SecurityRequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DbApiKeyExecutorTests {

    private ApiKeyFixture fixture = new ApiKeyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void acceptsAnIssuedKeyUntilItIsRevoked() {
        fixture.executor.activate();
        IssuedApiKey issued = fixture.manager.issue("client-7", "ci", List.of("Orders:Read"), List.of("reader"),
                "acme", null);

        AuthenticatedUser user = fixture.authorize(issued.key());

        assertThat(user.subject()).isEqualTo("client-7");
        assertThat(user.scopes()).containsExactly("orders:read");
        assertThat(user.roles()).containsExactly("reader");
        assertThat(user.tokenId()).isEqualTo(issued.metadata().keyId());
        assertThat(user.tenant()).isEqualTo("acme");
        assertThat(user.mechanism()).isEqualTo("db_api_key");
        assertThat(user.claims()).containsEntry("name", "ci");

        assertThat(fixture.manager.revoke(issued.metadata().keyId())).isTrue();

        assertThat(refusal(issued.key()).reason()).isEqualTo("invalid_api_key");
    }

    @Test
    void refusesAKeyOnceExpiredEvenWhileCached() {
        IssuedApiKey issued = fixture.manager.issue("client-7", "ci", null, null,
                fixture.clock.instant().plus(Duration.ofHours(1)));
        fixture.authorize(issued.key());

        fixture.clock.advance(Duration.ofHours(1));

        assertThat(refusal(issued.key()).reason()).isEqualTo("invalid_api_key");
    }

    @Test
    void unknownRevokedAndExpiredKeysGetTheSameAnswer() {
        IssuedApiKey revoked = fixture.manager.issue("a", null, null, null, null);
        fixture.manager.revoke(revoked.metadata().keyId());
        IssuedApiKey expired = fixture.manager.issue("a", null, null, null, fixture.clock.instant().plusSeconds(1));
        fixture.clock.advance(Duration.ofSeconds(1));
        String unknown = new ApiKeyFormat("pak").generate();

        List<AuthenticationException> refusals = List.of(refusal(unknown), refusal(revoked.key()),
                refusal(expired.key()), refusal("pak_typo"));

        assertThat(refusals).allSatisfy(refusal -> {
            assertThat(refusal.reason()).isEqualTo("invalid_api_key");
            assertThat(refusal.detail()).isEqualTo("The API key is invalid.");
            assertThat(refusal.credentialPresented()).isTrue();
            assertThat(refusal.challenges()).containsExactly(
                    new Challenge("ApiKey", Map.of("header", "X-API-KEY", "error", "invalid_key")));
        });
    }

    @Test
    void aChecksumTypoIsRefusedWithoutAnyDatabaseCommand() {
        String key = fixture.manager.issue("a", null, null, null, null).key();
        String typo = key.substring(0, 10) + (key.charAt(10) == 'x' ? 'y' : 'x') + key.substring(11);
        fixture.mongo.clearCommands();

        assertThat(refusal(typo).reason()).isEqualTo("invalid_api_key");
        assertThat(fixture.mongo.commands()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"$ne\": null}", "{\"$gt\": \"\"}", "{\"$regex\": \".*\"}", "{\"$where\": \"1\"}",
            "[\"$ne\"]", "pak_{\"$ne\":null}" })
    void operatorStringsAreRefusedWithoutAnyDatabaseCommand(String attack) {
        fixture.manager.issue("a", null, null, null, null);
        fixture.mongo.clearCommands();

        assertThat(refusal(attack).reason()).isEqualTo("invalid_api_key");
        assertThat(fixture.mongo.commands()).isEmpty();
    }

    @Test
    void theCacheServesRepeatedRequestsWithoutAQuery() {
        String key = fixture.manager.issue("a", null, null, null, null).key();
        fixture.mongo.clearCommands();

        fixture.authorize(key);
        assertThat(fixture.mongo.count("find")).isEqualTo(1);
        fixture.mongo.clearCommands();

        for (int i = 0; i < 5; i++) {
            fixture.authorize(key);
        }
        assertThat(fixture.mongo.commands()).isEmpty();
    }

    @Test
    void aCachedKeyBecomesItsCallerOnceAndAKeyReadFromTheStoreAnew() {
        String key = fixture.manager.issue("a", "ci", List.of("orders:read"), null, null).key();

        assertThat(fixture.authorize(key)).isSameAs(fixture.authorize(key));

        fixture.close();
        fixture = new ApiKeyFixture(Duration.ZERO);
        String uncached = fixture.manager.issue("a", "ci", List.of("orders:read"), null, null).key();
        AuthenticatedUser first = fixture.authorize(uncached);
        AuthenticatedUser second = fixture.authorize(uncached);
        assertThat(second).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void aKeyWhoseAnswerIsInMemoryIsCpuWorkAndOneThatNeedsTheStoreMayBlock() {
        fixture.executor.activate();
        String key = fixture.manager.issue("a", null, null, null, null).key();
        SecurityRequestContext request = ApiKeyFixture.withKey(key);
        assertThat(fixture.executor.mayBlock(request)).isTrue();

        fixture.authorize(key);
        fixture.mongo.clearCommands();

        assertThat(fixture.executor.mayBlock(request)).isFalse();
        assertThat(fixture.executor.mayBlock(ApiKeyFixture.withKey("not-a-key"))).isFalse();
        assertThat(fixture.executor.mayBlock(SecurityRequestContext.of("127.0.0.1", Map.of()))).isFalse();
        assertThat(fixture.mongo.commands()).as("asking queries nothing").isEmpty();
    }

    @Test
    void aKeyCheckedByMayBlockIsTheKeyOfThatRequestOnly() {
        fixture.executor.activate();
        String alices = fixture.manager.issue("alice", null, null, null, null).key();
        String bobs = fixture.manager.issue("bob", null, null, null, null).key();
        SecurityRequestContext alice = ApiKeyFixture.withKey(alices);
        SecurityRequestContext bob = ApiKeyFixture.withKey(bobs);
        fixture.executor.mayBlock(alice);

        assertThat(fixture.executor.execute(bob).subject()).isEqualTo("bob");
        assertThat(fixture.executor.execute(alice).subject()).isEqualTo("alice");
        fixture.executor.mayBlock(alice);
        assertThat(fixture.executor.execute(alice).subject()).isEqualTo("alice");
        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> fixture.executor.execute(ApiKeyFixture.withKey("not-a-key")));
    }

    @Test
    void aRequestWhoseKeyMayBlockFoundInMemoryIsDecidedOnThatAnswer() {
        fixture.executor.activate();
        String key = fixture.manager.issue("a", null, null, null, null).key();
        String unknown = new ApiKeyFormat("pak").generate();
        fixture.authorize(key);
        refusal(unknown);
        fixture.mongo.clearCommands();
        SecurityRequestContext known = ApiKeyFixture.withKey(key);
        SecurityRequestContext stranger = ApiKeyFixture.withKey(unknown);

        assertThat(fixture.executor.mayBlock(known)).isFalse();
        assertThat(fixture.executor.execute(known).subject()).isEqualTo("a");
        assertThat(fixture.executor.mayBlock(stranger)).isFalse();
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> fixture.executor.execute(stranger));
        assertThat(fixture.mongo.count("find")).as("both answered from memory").isZero();
    }

    @Test
    void withoutACacheEveryKeyMayBlock() {
        fixture.close();
        fixture = new ApiKeyFixture(Duration.ZERO);
        fixture.executor.activate();
        String key = fixture.manager.issue("a", null, null, null, null).key();
        fixture.authorize(key);

        assertThat(fixture.executor.mayBlock(ApiKeyFixture.withKey(key))).isTrue();
    }

    @Test
    void theCacheRemembersUnknownKeysBriefly() {
        String unknown = new ApiKeyFormat("pak").generate();
        fixture.mongo.clearCommands();

        refusal(unknown);
        refusal(unknown);

        assertThat(fixture.mongo.count("find")).isEqualTo(1);
    }

    @Test
    void aZeroCacheTtlQueriesOnEveryRequest() {
        fixture.close();
        fixture = new ApiKeyFixture(Duration.ZERO);
        String key = fixture.manager.issue("a", null, null, null, null).key();
        fixture.mongo.clearCommands();

        fixture.authorize(key);
        fixture.authorize(key);

        assertThat(fixture.lookup.isCaching()).isFalse();
        assertThat(fixture.mongo.count("find")).isEqualTo(2);
    }

    @Test
    void aMissingKeyAsksForOne() {
        AuthenticationException refusal = catchThrowableOfType(AuthenticationException.class,
                () -> fixture.auth.authorize(SecurityRequestContext.of("127.0.0.1", Map.of()), "db_api_key"));

        assertThat(refusal.reason()).isEqualTo("missing_api_key");
        assertThat(refusal.credentialPresented()).isFalse();
        assertThat(refusal.challenges()).containsExactly(new Challenge("ApiKey", Map.of("header", "X-API-KEY")));
    }

    @Test
    void twoKeyHeadersAreABadRequest() {
        String key = fixture.manager.issue("a", null, null, null, null).key();
        SecurityRequestContext twice = SecurityRequestContext.of("127.0.0.1", Map.of("x-api-key", List.of(key, key)));

        assertThat(catchThrowableOfType(InvalidCredentialRequestException.class,
                () -> fixture.auth.authorize(twice, "db_api_key")).reason()).isEqualTo("duplicate_credential");
    }

    @Test
    void aStoppedDatabaseIsUnavailableNotUnauthenticatedWhileOtherPoliciesWork() {
        String key = new ApiKeyFormat("pak").generate();
        fixture.mongo.stop();

        AuthUnavailableException unavailable = catchThrowableOfType(AuthUnavailableException.class,
                () -> fixture.authorize(key));

        assertThat(unavailable.reason()).isEqualTo("key_store_unavailable");
        assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(unavailable.detail()).doesNotContainIgnoringCase("mongo").doesNotContain("127.0.0.1")
                .doesNotContain(fixture.mongo.connectionString().split(":")[2].split("/")[0]);
        assertThat(fixture.auth.authorize(ApiKeyFixture.withKey(key), PublicExecutor.POLICY).isAnonymous()).isTrue();
        assertThat(fixture.meters.get("policyauth.decisions").tags("policy", "db_api_key", "outcome", "unavailable")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aDatabaseFailureIsNotCached() {
        String unknown = new ApiKeyFormat("pak").generate();
        fixture.mongo.stop();
        catchThrowableOfType(AuthUnavailableException.class, () -> fixture.authorize(unknown));

        fixture.mongo.restart();
        awaitDriverReconnected();

        assertThat(refusal(unknown).reason()).isEqualTo("invalid_api_key");
    }

    @Test
    void recordsLastUseOffTheRequestPath() {
        IssuedApiKey issued = fixture.manager.issue("a", null, null, null, null);
        fixture.authorize(issued.key());
        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.authorize(issued.key());

        fixture.lastUsed.flush();

        assertThat(fixture.manager.find(issued.metadata().keyId()).orElseThrow().lastUsedAt())
                .isEqualTo(fixture.clock.instant());
    }

    @Test
    void aLastUseIsPreciseToTheSecond() {
        IssuedApiKey issued = fixture.manager.issue("a", null, null, null, null);
        Instant first = fixture.clock.instant();
        fixture.authorize(issued.key());
        fixture.clock.advance(Duration.ofMillis(900));
        fixture.authorize(issued.key());
        fixture.lastUsed.flush();

        assertThat(fixture.manager.find(issued.metadata().keyId()).orElseThrow().lastUsedAt()).isEqualTo(first);

        fixture.clock.advance(Duration.ofMillis(100));
        fixture.authorize(issued.key());
        fixture.lastUsed.flush();

        assertThat(fixture.manager.find(issued.metadata().keyId()).orElseThrow().lastUsedAt())
                .isEqualTo(first.plusSeconds(1));
    }

    @Test
    void aFailedLastUseWriteIsCountedAndNeverFailsTheRequest() {
        IssuedApiKey issued = fixture.manager.issue("a", null, null, null, null);
        fixture.authorize(issued.key());
        fixture.lastUsed.flush();
        fixture.mongo.stop();

        // Served from the cache while the database is down.
        assertThat(fixture.authorize(issued.key()).subject()).isEqualTo("a");
        fixture.lastUsed.flush();

        assertThat(fixture.meters.get(LastUsedRecorder.FAILED).counter().count()).isEqualTo(1);
    }

    @Test
    void activatingWithTheDatabaseDownDoesNotThrowAndIndexesFollowLater() {
        fixture.mongo.stop();

        fixture.executor.activate();
        assertThat(fixture.preparation.isPrepared()).isFalse();

        fixture.mongo.restart();
        awaitDriverReconnected();
        fixture.clock.advance(StorePreparation.RETRY_INTERVAL);
        refusal(new ApiKeyFormat("pak").generate());

        assertThat(fixture.preparation.isPrepared()).isTrue();
        assertThat(fixture.mongo.count("createIndexes")).isGreaterThanOrEqualTo(1);
    }

    /*
     * After a restart the driver finds the server again on its own schedule (its monitor backs off
     * while the server is down), slower on a loaded machine: until then the store answers 503, as
     * it should. Wait for that, not for a fixed time.
     */
    private void awaitDriverReconnected() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            fixture.manager.list("nobody");
            return true;
        });
    }

    private AuthenticationException refusal(String key) {
        return catchThrowableOfType(AuthenticationException.class, () -> fixture.authorize(key));
    }

    @Test
    void keysOfOtherOwnersAreIndependent() {
        IssuedApiKey mine = fixture.manager.issue("a", null, Set.of("x"), null, null);
        IssuedApiKey theirs = fixture.manager.issue("b", null, Set.of("y"), null, null);

        fixture.manager.revoke(theirs.metadata().keyId());

        assertThat(fixture.authorize(mine.key()).subject()).isEqualTo("a");
    }
}
