package io.policyauth.apikey;

import java.security.SecureRandom;

/** Base62 (0-9, A-Z, a-z) encoding of random strings and of checksums. */
final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

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

    static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
