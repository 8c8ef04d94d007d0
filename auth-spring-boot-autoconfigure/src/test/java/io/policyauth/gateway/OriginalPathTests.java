package io.policyauth.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class OriginalPathTests {

    @Test
    void aPlainPathIsDecodedOnceWithItsQueryKeptRaw() {
        OriginalPath path = OriginalPath.parse("/files/a%20b/%25?q=%20x", true);

        assertThat(path.value()).isEqualTo("/files/a b/%");
        assertThat(path.query()).isEqualTo("q=%20x");
    }

    @Test
    void eachAmbiguityHasItsReason() {
        assertReason("/a/../b", "dot_segment");
        assertReason("/a/%2E%2e/b", "dot_segment");
        assertReason("/a/./b", "dot_segment");
        assertReason("/a/b;c", "path_parameter");
        assertReason("/a%2Fb", "encoded_separator");
        assertReason("/a%5cb", "encoded_separator");
        assertReason("/a\\b", "backslash");
        assertReason("//a", "empty_segment");
        assertReason("/a%", "invalid_encoding");
        assertReason("/a%c3", "invalid_encoding");
        assertReason("/a%7f", "control_character");
        assertReason("/caf\u00e9", "invalid_character");
        assertReason("/a b", "invalid_character");
        assertReason("*", "not_absolute");
        assertReason("/a#", "fragment");
        assertReason("/a?b#c", "fragment");
        assertReason("/a{b}", "invalid_character");
        assertReason("/a.", "trailing_dot_or_space");
        assertReason("/a%20/b", "trailing_dot_or_space");
        assertReason("/a%2e", "trailing_dot_or_space");
    }

    @Test
    void aTrailingSlashAndTheRootAreNotAmbiguous() {
        assertThat(OriginalPath.parse("/", true).value()).isEqualTo("/");
        assertThat(OriginalPath.parse("/a/", true).value()).isEqualTo("/a/");
    }

    @Test
    void withAmbiguityAllowedOnlyWhatCannotBeDecodedIsRefused() {
        assertThat(OriginalPath.parse("/a/../b;c", false).value()).isEqualTo("/a/../b");
        assertReason("/a%zz", "invalid_encoding", false);
        assertReason("/a#", "fragment", false);
    }

    private static void assertReason(String target, String reason) {
        assertReason(target, reason, true);
    }

    private static void assertReason(String target, String reason, boolean reject) {
        assertThatExceptionOfType(AmbiguousPathException.class).isThrownBy(() -> OriginalPath.parse(target, reject))
                .satisfies(failure -> assertThat(failure.reason()).isEqualTo(reason));
    }
}
