package io.policyauth.apikey;

import java.security.SecureRandom;

/** Base62 (0-9, A-Z, a-z) encoding of random strings and of checksums. */
final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final boolean[] IS_BASE62 = base62Table();

    private Base62() {
    }

    /**
     * Uniformly random characters: {@link SecureRandom#nextInt(int)} rejects samples itself, so no
     * character is favoured by a modulo bias.
     */
    static String random(SecureRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** A non-negative number as exactly {@code width} characters, left-padded with '0'. */
    static String fixedWidth(long value, int width) {
        char[] out = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
            rest /= ALPHABET.length();
        }
        if (rest != 0) {
            throw new IllegalArgumentException("Value does not fit in " + width + " base62 characters");
        }
        return new String(out);
    }

    /**
     * Whether every byte in {@code [from, to)} is a base62 character. One table lookup a byte and no
     * branch on what it is: random characters would defeat any branch predictor.
     */
    static boolean isBase62(byte[] text, int from, int to) {
        boolean all = true;
        for (int i = from; i < to; i++) {
            all &= IS_BASE62[text[i] & 0xFF];
        }
        return all;
    }

    /** Whether {@code width} bytes from {@code from} are {@link #fixedWidth fixedWidth(value, width)}. */
    static boolean isFixedWidth(long value, byte[] text, int from, int width) {
        long rest = value;
        boolean same = true;
        for (int i = from + width - 1; i >= from; i--) {
            same &= text[i] == ALPHABET.charAt((int) (rest % ALPHABET.length()));
            rest /= ALPHABET.length();
        }
        return same && rest == 0;
    }

    private static boolean[] base62Table() {
        boolean[] table = new boolean[256];
        for (int i = 0; i < ALPHABET.length(); i++) {
            table[ALPHABET.charAt(i)] = true;
        }
        return table;
    }
}
