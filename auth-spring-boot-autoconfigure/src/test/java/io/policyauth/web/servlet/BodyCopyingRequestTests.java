package io.policyauth.web.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import io.policyauth.core.RequestBodyRejectedException;

/** The servlet body copier: what a policy is shown is what the handler reads, byte for byte. */
class BodyCopyingRequestTests {

    @Test
    void aPolicySeesTheStartOfTheBodyAndTheHandlerStillReadsAllOfIt() throws Exception {
        BodyCopyingRequest request = new BodyCopyingRequest(post("application/json", "{\"amount\":12}"), 4, 1024);

        byte[] copy = request.copy(4);

        assertThat(copy).hasSize(5);
        assertThat(new String(copy, StandardCharsets.UTF_8)).isEqualTo("{\"amo");
        assertThat(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"amount\":12}");
    }

    @Test
    void aSmallBodyIsCopiedWholeAndACopyAskingForLessSaysLarger() {
        BodyCopyingRequest request = new BodyCopyingRequest(post("text/plain", "abc"), 10, 1024);

        assertThat(request.copy(10)).containsExactly('a', 'b', 'c');
        assertThat(request.copy(1)).hasSize(2);
    }

    @Test
    void multipartBodiesAreRefused() {
        BodyCopyingRequest request = new BodyCopyingRequest(post("multipart/form-data; boundary=x", "--x--"), 10,
                1024);

        assertThatExceptionOfType(RequestBodyRejectedException.class).isThrownBy(() -> request.copy(10))
                .satisfies(refused -> assertThat(refused.reason()).isEqualTo("body_not_copyable"));
    }

    @Test
    void formFieldsComeFromTheCopiedBytesAfterTheQuerysAndOnlyUpToTheFormLimit() throws Exception {
        MockHttpServletRequest form = post("application/x-www-form-urlencoded", "amount=12&note=caf%C3%A9");
        form.setCharacterEncoding("UTF-8");
        form.setQueryString("amount=1");
        form.addParameter("amount", "1");
        BodyCopyingRequest request = new BodyCopyingRequest(form, 64, 1024);

        assertThat(new String(request.copy(64), StandardCharsets.UTF_8)).isEqualTo("amount=12&note=caf%C3%A9");
        assertThat(request.getParameterValues("amount")).containsExactly("1", "12");
        assertThat(request.getParameter("note")).isEqualTo("café");
        assertThat(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("amount=12&note=caf%C3%A9");

        BodyCopyingRequest tooLarge = new BodyCopyingRequest(post("application/x-www-form-urlencoded",
                "amount=12"), 64, 4);
        assertThat(tooLarge.getParameterMap()).doesNotContainKey("amount");
    }

    private static MockHttpServletRequest post(String contentType, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");
        request.setContentType(contentType);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
