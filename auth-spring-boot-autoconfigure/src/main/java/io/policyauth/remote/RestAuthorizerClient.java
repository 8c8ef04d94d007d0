package io.policyauth.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.Locations;
import io.policyauth.core.OutageLog;

/**
 * Asks an authorizer over HTTP with Spring's {@link RestClient} on the JDK {@link HttpClient},
 * which keeps connections alive and reuses them. Redirects are not followed, so credentials only
 * ever go to the configured endpoint.
 */
public final class RestAuthorizerClient implements AuthorizerClient {

    /** The largest answer read; an authorizer's decision is a few hundred bytes. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private static final Logger logger = LoggerFactory.getLogger(RestAuthorizerClient.class);

    private final String policy;
    private final URI endpoint;
    private final RestClient restClient;
    private final AuthorizerAnswers answers = new AuthorizerAnswers();
    private final OutageLog outages;

    /**
     * @param policy the policy name, for logs
     * @param endpoint the authorizer URL
     * @param timeout the limit of connecting and, separately, of receiving the answer
     * @param clock the application's clock, for spacing the warnings about an outage
     */
    public RestAuthorizerClient(String policy, URI endpoint, Duration timeout, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.outages = new OutageLog(logger, "the remote authorizer of policy '" + policy + "' at "
                + Locations.withoutCredentials(endpoint), OutageLog.DEFAULT_INTERVAL, clock);
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain-text HTTP/2 means an h2c upgrade dance that sidecars often get wrong.
                .version("https".equalsIgnoreCase(endpoint.getScheme()) ? HttpClient.Version.HTTP_2
                        : HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(timeout);
        this.restClient = RestClient.builder().requestFactory(requestFactory).build();
    }

    @Override
    public AuthorizerAnswer ask(AuthorizerRequest request) {
        byte[] document = answers.write(request.jsonFields());
        try {
            AuthorizerAnswer answer = restClient.post()
                    .uri(endpoint)
                    .headers(headers -> request.headers().forEach(headers::addAll))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(document)
                    .exchange((sent, response) -> answers.read(response.getStatusCode().value(),
                            bounded(response.getBody())));
            outages.succeeded();
            return answer;
        }
        catch (AuthorizerAnswers.MalformedAnswerException malformed) {
            outages.failed(malformed);
            throw unavailable("remote_malformed_answer", malformed);
        }
        catch (RestClientException failed) {
            // The cause's message names the endpoint at most, never a header: safe to log.
            outages.failed(failed);
            throw unavailable("remote_unavailable", failed);
        }
    }

    private static byte[] bounded(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new AuthorizerAnswers.MalformedAnswerException("the answer is larger than " + MAX_ANSWER_BYTES
                    + " bytes");
        }
        return bytes;
    }

    private static AuthUnavailableException unavailable(String reason, Throwable cause) {
        return new AuthUnavailableException(reason, "The authorization service is unavailable.", null, cause);
    }
}
