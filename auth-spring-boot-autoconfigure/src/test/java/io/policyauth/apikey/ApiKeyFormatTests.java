package io.policyauth.apikey;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyFormatTests {

    private final ApiKeyFormat format = new ApiKeyFormat("pak");

    @Test
    void generatesPrefixSecretAndChecksum() {
        String key = format.generate();

        assertThat(key).matches("pak_[0-9A-Za-z]{38}");
        assertThat(format.isWellFormed(key)).isTrue();
    }

    @Test
    void generatesDistinctKeys() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            keys.add(format.generate());
        }
        assertThat(keys).hasSize(1_000);
    }

    @Test
    void rejectsEveryOneCharacterTypo() {
        String key = format.generate();
        for (int i = 4; i < key.length(); i++) {
            char typo = key.charAt(i) == 'a' ? 'b' : 'a';
            String mistyped = key.substring(0, i) + typo + key.substring(i + 1);
            assertThat(format.isWellFormed(mistyped)).as("typo at %d", i).isFalse();
        }
    }

    @Test
    void rejectsAKeyOfAnotherPrefix() {
        String other = new ApiKeyFormat("xyz").generate();

        assertThat(format.isWellFormed(other)).isFalse();
        assertThat(format.isWellFormed("pak" + other.substring(3))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "pak_", "{\"$ne\": null}", "{\"$gt\": \"\"}", "$where", "pak_' || '1'=='1",
            "pak_0000000000000000000000000000000000000", "pak_00000000000000000000000000000000000000" })
    void rejectsStringsThatAreNotKeys(String candidate) {
        assertThat(format.isWellFormed(candidate)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = { '-', '_', '+', '/', '=', ' ', '\u00e9', '\u0161', '\u0130' })
    void rejectsACharacterOutsideBase62EvenUnderAMatchingChecksum(char outside) {
        String key = format.generate();
        String body = key.substring(0, 10) + outside + key.substring(11, key.length() - ApiKeyFormat.CHECKSUM_LENGTH);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(format.isWellFormed(body + Base62.fixedWidth(crc.getValue(), ApiKeyFormat.CHECKSUM_LENGTH)))
                .isFalse();
    }

    @Test
    void acceptsEveryKeyItGenerates() {
        for (int i = 0; i < 1_000; i++) {
            String key = format.generate();
            assertThat(format.isWellFormed(key)).as(key).isTrue();
        }
    }

    @Test
    void rejectsNullAndOverlongStrings() {
        assertThat(format.isWellFormed(null)).isFalse();
        assertThat(format.isWellFormed(format.generate() + "0")).isFalse();
    }

    @Test
    void rejectsAPrefixThatIsNotAlphanumeric() {
        assertThatThrownBy(() -> new ApiKeyFormat("pa_k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiKeyFormat("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashesToLowerCaseHexSha256() {
        assertThat(ApiKeyHash.of("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
