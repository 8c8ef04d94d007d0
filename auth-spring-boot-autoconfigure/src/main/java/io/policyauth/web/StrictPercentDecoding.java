package io.policyauth.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding that refuses what a lenient decoder would guess at: a stray {@code %}, a raw
 * non-ASCII character, or bytes that are not UTF-8 (an overlong {@code %C0%AF} included).
 */
public final class StrictPercentDecoding {

    private StrictPercentDecoding() {
    }

    /**
     * @param raw percent-encoded text
     * @return the text decoded once
     * @throws IllegalArgumentException when the encoding is invalid
     */
    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw invalid();
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            }
            else if (c > 0x7f) {
                throw invalid();
            }
            else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        }
        catch (CharacterCodingException malformed) {
            throw invalid();
        }
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("Invalid percent-encoding");
    }
}
