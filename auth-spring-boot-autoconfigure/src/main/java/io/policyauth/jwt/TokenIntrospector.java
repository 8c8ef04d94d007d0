package io.policyauth.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
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
 * Asks an authorization server's introspection endpoint (RFC 7662) about a token, authenticated
 * with this resource server's client id and secret as HTTP Basic. An answer other than 200 with a
 * JSON object, the endpoint unreachable or slow, are 503s: a token that cannot be checked is not
 * admitted. Redirects are not followed, so the secret and the token only go to the endpoint.
 */
public final class TokenIntrospector {

    /** The largest answer read; an introspection answer is a few hundred bytes. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private static final Logger logger = LoggerFactory.getLogger(TokenIntrospector.class);

    private final IntrospectionSettings settings;
    private final RestClient restClient;
    private final String authorization;
    private final OutageLog outages;

    /**
     * @param settings the endpoint, the credentials and the timeouts
     * @param clock the application's clock, for spacing the warnings about an outage
     */
    public TokenIntrospector(IntrospectionSettings settings, Clock clock) {
        this.settings = settings;
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        this.restClient = RestClient.builder().requestFactory(requests).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((form(settings.clientId()) + ":"
                + form(settings.clientSecret())).getBytes(StandardCharsets.UTF_8));
        this.outages = new OutageLog(logger, "the introspection endpoint at " + Locations.withoutCredentials(
                settings.uri()), OutageLog.DEFAULT_INTERVAL, clock);
    }

    /**
     * @param token the token, never logged
     * @return the endpoint's answer: {@code active} and, for an active token, its claims
     * @throws AuthUnavailableException when the endpoint cannot answer (503)
     */
    public Map<String, Object> introspect(String token) {
        String body = "token=" + form(token) + "&token_type_hint=access_token";
        try {
            Map<String, Object> answer = restClient.post().uri(settings.uri())
                    .header("Authorization", authorization)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
                    .body(body).exchange((sent, response) -> read(response.getStatusCode().value(),
                            response.getBody()));
            outages.succeeded();
            return answer;
        }
        catch (RestClientException | IllegalStateException failure) {
            outages.failed(failure);
            throw new AuthUnavailableException("introspection_unavailable",
                    "The token cannot be checked right now.", null, failure);
        }
    }

    private static Map<String, Object> read(int status, InputStream body) throws IOException {
        if (status != 200) {
            // A 401 here is this server's own credentials refused: a configuration to fix, not the caller's token.
            throw new IllegalStateException("the introspection endpoint answered " + status);
        }
        byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new IllegalStateException("the introspection answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        try {
            return JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
        }
        catch (ParseException notAnObject) {
            throw new IllegalStateException("the introspection answer is not a JSON object", notAnObject);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
