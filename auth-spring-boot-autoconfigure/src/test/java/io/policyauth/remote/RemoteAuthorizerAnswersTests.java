package io.policyauth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RemoteAuthorizerAnswersTests {

    private final AuthorizerAnswers answers = new AuthorizerAnswers();

    @Test
    void grantWithRolesSubjectAndScopes() {
        AuthorizerAnswer answer = read(200, "{\"roles\":[\"a\",\"b\"],\"sub\":\"svc\",\"scopes\":[\"x:read\"]}");

        assertThat(answer.granted()).isTrue();
        assertThat(answer.roles()).containsExactly("a", "b");
        assertThat(answer.subject()).isEqualTo("svc");
        assertThat(answer.scopes()).containsExactly("x:read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"roles\":\"admin\"}", "{\"roles\":[1]}",
            "{\"roles\":[\"\"]}", "{\"roles\":[],\"sub\":5}", "{\"roles\":[],\"roles\":[\"admin\"]}",
            "{\"roles\":[]} trailing"})
    void malformedGrantsAreRejected(String body) {
        assertThatExceptionOfType(AuthorizerAnswers.MalformedAnswerException.class).isThrownBy(() -> read(200, body));
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 204, 302, 500, 502, 503})
    void statusesThatAreNoDecisionAreRejected(int status) {
        assertThatExceptionOfType(AuthorizerAnswers.MalformedAnswerException.class)
                .isThrownBy(() -> read(status, "{\"roles\":[]}"));
    }

    @Test
    void denialsStandWhateverTheirBody() {
        assertThat(read(403, "{\"error\":\"banned\"}").error()).isEqualTo("banned");
        assertThat(read(401, "").error()).isNull();
        assertThat(read(404, "<html>").status()).isEqualTo(404);
        assertThat(read(403, "{\"error\":5}").error()).isNull();
    }

    private AuthorizerAnswer read(int status, String body) {
        return answers.read(status, body.getBytes(StandardCharsets.UTF_8));
    }
}
