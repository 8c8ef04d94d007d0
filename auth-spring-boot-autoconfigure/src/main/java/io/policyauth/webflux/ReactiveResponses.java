package io.policyauth.webflux;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

import io.policyauth.web.ProblemResponse;

/** Writes the answers policy-auth makes itself (problems, gateway answers) to a reactive response. */
final class ReactiveResponses {

    private ReactiveResponses() {
    }

    static Mono<Void> problem(ServerHttpResponse response, ProblemResponse problem) {
        return write(response, problem.status(), problem.headers(), ProblemResponse.PROBLEM_JSON, problem.body());
    }

    static Mono<Void> write(ServerHttpResponse response, int status, List<Map.Entry<String, String>> headers,
            @Nullable String contentType, byte[] body) {
        response.setStatusCode(HttpStatusCode.valueOf(status));
        for (Map.Entry<String, String> header : headers) {
            response.getHeaders().add(header.getKey(), header.getValue());
        }
        if (contentType == null) {
            return response.setComplete();
        }
        response.getHeaders().setContentType(MediaType.parseMediaType(contentType));
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
