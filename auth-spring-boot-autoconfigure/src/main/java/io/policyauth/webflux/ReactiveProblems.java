package io.policyauth.webflux;

import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

import io.policyauth.web.ProblemResponse;

/** Writes a {@link ProblemResponse} to a reactive response. */
final class ReactiveProblems {

    private ReactiveProblems() {
    }

    static Mono<Void> write(ServerHttpResponse response, ProblemResponse problem) {
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        for (Map.Entry<String, String> header : problem.headers()) {
            response.getHeaders().add(header.getKey(), header.getValue());
        }
        response.getHeaders().setContentType(MediaType.parseMediaType(ProblemResponse.PROBLEM_JSON));
        response.getHeaders().setContentLength(problem.body().length);
        DataBuffer body = response.bufferFactory().wrap(problem.body());
        return response.writeWith(Mono.just(body));
    }
}
