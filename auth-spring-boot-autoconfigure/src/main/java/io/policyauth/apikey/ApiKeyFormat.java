package io.policyauth.apikey;

import org.jspecify.annotations.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The shape of issued API keys, {@code <prefix>_<secret><checksum>} as GitHub's tokens: a
 * prefix that says what the string is (so secret scanners and people recognise it), a secret of
 * {@value #SECRET_LENGTH} base62 characters from {@link SecureRandom} (190 bits), and a
 * {@value #CHECKSUM_LENGTH}-character base62 CRC32 of everything before it. The checksum lets a
 * typo or a made-up string be rejected without a database round trip; it is not a signature.
 */
public final class ApiKeyFormat {

    /** The default prefix. */
    public static final String DEFAULT_PREFIX = "pak";

    /** Base62 characters of the secret: 62^32 is about 2^190.5. */
    public static final int SECRET_LENGTH = 32;

    /** Base62 characters of the CRC32 checksum: 62^6 exceeds 2^32. */
    public static final int CHECKSUM_LENGTH = 6;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,16}");

    private final String prefix;
    private final SecureRandom random;
    private final int length;

    /**
     * @param prefix letters and digits, 1 to 16 characters
     */
    public ApiKeyFormat(String prefix) {
        this(prefix, new SecureRandom());
    }

    /**
     * @param prefix letters and digits, 1 to 16 characters
     * @param random the source of secrets
     * @throws IllegalArgumentException for a prefix with other characters
     */
    public ApiKeyFormat(String prefix, SecureRandom random) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("API key prefix must be 1 to 16 letters or digits, got '"
                    + prefix + "'");
        }
        this.prefix = prefix;
        this.random = Objects.requireNonNull(random, "random");
        this.length = prefix.length() + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;
    }

    /**
     * @return the prefix of keys of this format
     */
    public String prefix() {
        return prefix;
    }

    /**
     * A fresh key.
     *
     * @return the plaintext key
     */
    public String generate() {
        String body = prefix + '_' + Base62.random(random, SECRET_LENGTH);
        return body + checksum(body);
    }

    /**
     * Whether a presented string is a key of this format with a matching checksum. Runs in time
     * linear in the length of a well-sized string and rejects any other length at once.
     *
     * @param candidate the presented string, possibly {@code null}
     * @return {@code true} when it may be a key issued with this format
     */
    public boolean isWellFormed(@Nullable String candidate) {
        if (candidate == null || candidate.length() != length || !candidate.startsWith(prefix)
                || candidate.charAt(prefix.length()) != '_') {
            return false;
        }
        // A character beyond Latin-1 becomes '?', which is not base62: refused as any other.
        byte[] bytes = candidate.getBytes(StandardCharsets.ISO_8859_1);
        int split = length - CHECKSUM_LENGTH;
        return Base62.isBase62(bytes, prefix.length() + 1, length)
                && Base62.isFixedWidth(crc(bytes, split), bytes, split, CHECKSUM_LENGTH);
    }

    private static String checksum(String body) {
        return Base62.fixedWidth(crc(body.getBytes(StandardCharsets.ISO_8859_1), body.length()), CHECKSUM_LENGTH);
    }

    /* Over base62 only, where Latin-1 is ASCII and a copy of the string's bytes, not an encoding. */
    private static long crc(byte[] text, int length) {
        CRC32 crc = new CRC32();
        crc.update(text, 0, length);
        return crc.getValue();
    }
}
