package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The b64token syntax of RFC 6750 section 2.1, character by character. */
class BearerTokensTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

    @Test
    void everyCharacterOfTheAlphabetAndNoOtherMakesAToken() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(BearerTokens.isB64Token("a" + c + "b")).as("U+%04X", (int) c)
                    .isEqualTo(ALPHABET.indexOf(c) >= 0);
        }
    }

    @Test
    void paddingOnlyAtTheEndAndNeverAlone() {
        assertThat(BearerTokens.isB64Token("abc==")).isTrue();
        assertThat(BearerTokens.isB64Token("ab=c")).isFalse();
        assertThat(BearerTokens.isB64Token("=abc")).isFalse();
        assertThat(BearerTokens.isB64Token("a=b=")).isFalse();
        assertThat(BearerTokens.isB64Token("ab\u0141==")).as("a character whose low byte is in the alphabet").isFalse();
        assertThat(BearerTokens.isB64Token("==")).isFalse();
        assertThat(BearerTokens.isB64Token("")).isFalse();
    }
}
