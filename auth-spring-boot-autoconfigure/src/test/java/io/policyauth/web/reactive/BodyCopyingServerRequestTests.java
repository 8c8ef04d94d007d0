package io.policyauth.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import io.policyauth.core.RequestBodyRejectedException;

/** The reactive body copier: received without a thread, copied, and replayed whole to the handler. */
class BodyCopyingServerRequestTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aPolicySeesTheStartOfTheBodyAndTheHandlerStillReadsAllOfIt() {
        BodyCopyingServerRequest request = new BodyCopyingServerRequest(post(MediaType.APPLICATION_JSON,
                "{\"amount\":12}"), 4, TIMEOUT);

        request.received().block(TIMEOUT);
        byte[] copy = request.copy(4);

        assertThat(new String(copy, StandardCharsets.UTF_8)).isEqualTo("{\"amo");
        assertThat(request.copied()).isTrue();
        assertThat(DataBufferUtils.join(request.getBody()).map(buffer -> buffer.toString(StandardCharsets.UTF_8))
                .block(TIMEOUT)).isEqualTo("{\"amount\":12}");
    }

    @Test
    void aRequestNoPolicyCopiedReadsItsBodyUntouched() {
        BodyCopyingServerRequest request = new BodyCopyingServerRequest(post(MediaType.TEXT_PLAIN, "abc"), 10,
                TIMEOUT);

        assertThat(request.copied()).isFalse();
        assertThat(DataBufferUtils.join(request.getBody()).map(buffer -> buffer.toString(StandardCharsets.UTF_8))
                .block(TIMEOUT)).isEqualTo("abc");
    }

    @Test
    void multipartBodiesAreRefusedAndNeverRead() {
        BodyCopyingServerRequest request = new BodyCopyingServerRequest(post(MediaType.MULTIPART_FORM_DATA, "--x--"),
                10, TIMEOUT);

        request.received().block(TIMEOUT);

        assertThat(request.copied()).isFalse();
        assertThatExceptionOfType(RequestBodyRejectedException.class).isThrownBy(() -> request.copy(10))
                .satisfies(refused -> assertThat(refused.reason()).isEqualTo("body_not_copyable"));
    }

    private static MockServerHttpRequest post(MediaType type, String body) {
        return MockServerHttpRequest.post("/orders").contentType(type).body(body);
    }
}
