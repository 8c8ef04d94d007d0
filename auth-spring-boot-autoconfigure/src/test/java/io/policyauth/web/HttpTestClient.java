package io.policyauth.web;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP/1.1 requests to a server on loopback, with full control over header lines. */
public final class HttpTestClient {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    public HttpTestClient(int port) {
        this.port = port;
    }

    /** @return the port requests go to */
    public int port() {
        return port;
    }

    /**
     * @param path request path
     * @param headers name, value, name, value...; a name may repeat to send two header lines
     * @return the response
     */
    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        return send(method, path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /**
     * @param path request path
     * @param json the body, sent as {@code application/json}
     * @param headers name, value, name, value...
     * @return the response
     */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, json, "application/json", headers);
    }

    /**
     * @param path request path
     * @param body the body
     * @param contentType its type
     * @param headers name, value, name, value...
     * @return the response
     */
    public HttpResponse<String> post(String path, String body, String contentType, String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = contentType;
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body), all);
    }

    public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
