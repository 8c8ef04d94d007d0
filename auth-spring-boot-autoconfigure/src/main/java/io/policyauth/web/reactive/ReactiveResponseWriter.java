package io.policyauth.web.reactive;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

import io.policyauth.web.PolicyResponse;

/**
 * Writes what policy-auth answers itself (refusals, the gateway's answers) to a reactive response:
 * the one writer of the WebFlux front, which also logs a policy's unexpected failure.
 */
final class ReactiveResponseWriter {

    private static final Logger logger = LoggerFactory.getLogger(ReactiveResponseWriter.class);

    private ReactiveResponseWriter() {
    }

    static Mono<Void> write(ServerHttpResponse response, PolicyResponse answer) {
        if (answer.failure() != null) {
            logger.error("A policy failed unexpectedly; the request is refused ({})", answer.status(),
                    answer.failure());
        }
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        for (Map.Entry<String, String> header : answer.headers()) {
            response.getHeaders().add(header.getKey(), header.getValue());
        }
        if (answer.contentType() == null) {
            return response.setComplete();
        }
        response.getHeaders().setContentType(MediaType.parseMediaType(answer.contentType()));
        response.getHeaders().setContentLength(answer.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }
}
