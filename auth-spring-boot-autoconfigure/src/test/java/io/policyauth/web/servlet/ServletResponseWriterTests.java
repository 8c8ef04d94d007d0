package io.policyauth.web.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;

import io.policyauth.core.AuthException;
import io.policyauth.core.Challenge;
import io.policyauth.core.Denial;
import io.policyauth.core.DenialKind;
import io.policyauth.web.PolicyResponse;

/** The servlet writer over the wire format of {@link PolicyResponse}: every denial kind, challenges, failures. */
@ExtendWith(OutputCaptureExtension.class)
class ServletResponseWriterTests {

    private final ServletResponseWriter writer = new ServletResponseWriter();

    @ParameterizedTest
    @EnumSource(DenialKind.class)
    void everyKindIsWrittenWithTheStatusTypeAndTitleItCarries(DenialKind kind) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        writer.write(response, PolicyResponse.denied(new AuthException(new Denial(kind, "some_reason", "A sentence.",
                List.of(), null), null), "orders"));

        assertThat(response.getStatus()).isEqualTo(kind.status());
        assertThat(response.getContentType()).isEqualTo(PolicyResponse.PROBLEM_JSON);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        String body = response.getContentAsString();
        assertThat((String) JsonPath.read(body, "$.type")).isEqualTo(PolicyResponse.TYPE_PREFIX + kind.problemType());
        assertThat((String) JsonPath.read(body, "$.title")).isEqualTo(kind.title());
        assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(kind.status());
        assertThat((String) JsonPath.read(body, "$.detail")).isEqualTo("A sentence.");
        assertThat((String) JsonPath.read(body, "$.policy")).isEqualTo("orders");
        assertThat(response.getHeader("Retry-After") != null).isEqualTo(kind == DenialKind.UNAVAILABLE);
    }

    @Test
    void challengesAreRenderedOnePerHeaderWithQuotesEscaped() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<Challenge> challenges = List.of(Challenge.of("Bearer").with("error", "invalid_token"),
                Challenge.of("ApiKey").with("header", "X-Key \"v2\"\n"));

        writer.write(response, PolicyResponse.denied(new AuthException(new Denial(DenialKind.CREDENTIAL_REJECTED, "bad",
                "Bad.", challenges, null), null), "either"));

        assertThat(response.getHeaders("WWW-Authenticate")).containsExactly("Bearer error=\"invalid_token\"",
                "ApiKey header=\"X-Key \\\"v2\\\" \"");
    }

    @Test
    void retryAfterIsWholeSecondsAndAtLeastOne() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        writer.write(response, PolicyResponse.denied(new AuthException(new Denial(DenialKind.UNAVAILABLE, "down",
                "Later.", List.of(), Duration.ofMillis(300)), null), "keys"));

        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void controlCharactersInTheDetailCannotBreakTheJson() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        writer.write(response, PolicyResponse.denied(new AuthException(new Denial(DenialKind.FORBIDDEN, "x",
                "line\nbreak \"quoted\"\u0001", List.of(), null), null), "p"));

        assertThat((String) JsonPath.read(response.getContentAsString(), "$.detail"))
                .isEqualTo("line\nbreak \"quoted\"\u0001");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500AndLoggedWithItsCause(CapturedOutput output) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        writer.write(response, PolicyResponse.failed(new IllegalStateException("a bug"), "broken"));

        assertThat(output).contains("A policy failed unexpectedly").contains("IllegalStateException: a bug");
        assertThat(response.getContentAsString()).doesNotContain("a bug");

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.type"))
                .isEqualTo(PolicyResponse.TYPE_PREFIX + "error");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
    }
}
