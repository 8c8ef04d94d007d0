package io.policyauth.apikey;

import io.policyauth.core.BackgroundTasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyManagerTests {

    private final ApiKeyFixture fixture = new ApiKeyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void issueReturnsThePlaintextOnceAndStoresOnlyItsHash() {
        IssuedApiKey issued = fixture.manager.issue("client-7", "ci", List.of("read"), List.of(), null);

        Document stored = fixture.mongo.template().getCollection("api_keys").find().first();

        assertThat(stored.toJson()).doesNotContain(issued.key())
                .doesNotContain(issued.key().substring(4, 36));
        assertThat(stored.getString("keyHash")).isEqualTo(ApiKeyHash.of(issued.key()));
        assertThat(issued.toString()).doesNotContain(issued.key());
        assertThat(issued.metadata().keyId()).doesNotContain(issued.key().substring(4, 12));
        assertThat(fixture.manager.find(issued.metadata().keyId())).contains(issued.metadata());
    }

    @Test
    void listShowsMetadataOnly() {
        IssuedApiKey first = fixture.manager.issue("client-7", "one", null, null, null);
        fixture.clock.advance(Duration.ofSeconds(1));
        IssuedApiKey second = fixture.manager.issue("client-7", "two", null, null, null);
        fixture.manager.issue("someone-else", "three", null, null, null);

        List<ApiKeyMetadata> listed = fixture.manager.list("client-7");

        assertThat(listed).containsExactly(second.metadata(), first.metadata());
        assertThat(listed.toString()).doesNotContain(first.key()).doesNotContain(ApiKeyHash.of(first.key()));
    }

    @Test
    void rotationKeepsTheOldKeyForTheGracePeriod() {
        IssuedApiKey old = fixture.manager.issue("client-7", "ci", List.of("read"), List.of("r"), "acme", null);
        fixture.authorize(old.key());

        IssuedApiKey replacement = fixture.manager.rotate(old.metadata().keyId(), Duration.ofMinutes(10));

        assertThat(replacement.metadata()).satisfies(m -> {
            assertThat(m.owner()).isEqualTo("client-7");
            assertThat(m.scopes()).containsExactly("read");
            assertThat(m.roles()).containsExactly("r");
            assertThat(m.tenant()).isEqualTo("acme");
            assertThat(m.keyId()).isNotEqualTo(old.metadata().keyId());
        });
        assertThat(fixture.authorize(old.key()).tokenId()).isEqualTo(old.metadata().keyId());
        assertThat(fixture.authorize(replacement.key()).tokenId()).isEqualTo(replacement.metadata().keyId());

        fixture.clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> fixture.authorize(old.key())).hasMessage("The API key is invalid.");
        assertThat(fixture.authorize(replacement.key()).subject()).isEqualTo("client-7");
    }

    @Test
    void rotationWithoutGraceEndsTheOldKeyAtOnce() {
        IssuedApiKey old = fixture.manager.issue("client-7", null, null, null, null);
        fixture.authorize(old.key());

        fixture.manager.rotate(old.metadata().keyId(), Duration.ZERO);

        assertThatThrownBy(() -> fixture.authorize(old.key())).hasMessage("The API key is invalid.");
    }

    @Test
    void rotationNeedsAnActiveKey() {
        IssuedApiKey revoked = fixture.manager.issue("client-7", null, null, null, null);
        fixture.manager.revoke(revoked.metadata().keyId());

        assertThatThrownBy(() -> fixture.manager.rotate(revoked.metadata().keyId(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixture.manager.rotate("unknown", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revokingAnUnknownOrRevokedKeyReportsFalse() {
        IssuedApiKey issued = fixture.manager.issue("client-7", null, null, null, null);

        assertThat(fixture.manager.revoke(issued.metadata().keyId())).isTrue();
        assertThat(fixture.manager.revoke(issued.metadata().keyId())).isFalse();
        assertThat(fixture.manager.revoke("unknown")).isFalse();
        assertThat(fixture.manager.list("client-7")).singleElement()
                .satisfies(m -> assertThat(m.revokedAt()).isEqualTo(fixture.clock.instant()));
    }

    @Test
    void issueRejectsABlankOwnerAndAPastExpiry() {
        Instant past = fixture.clock.instant().minusSeconds(1);

        assertThatThrownBy(() -> fixture.manager.issue(" ", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixture.manager.issue("a", null, null, null, past))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullLastUsedBufferDropsAndCounts() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (LastUsedRecorder recorder = new LastUsedRecorder(fixture.store, 1, Duration.ofHours(1), meters,
                new BackgroundTasks(1), fixture.clock)) {
            recorder.record("k1", fixture.clock.instant());
            recorder.record("k1", fixture.clock.instant());
            recorder.record("k2", fixture.clock.instant());

            assertThat(meters.get(LastUsedRecorder.DROPPED).counter().count()).isEqualTo(1);
        }
    }
}
