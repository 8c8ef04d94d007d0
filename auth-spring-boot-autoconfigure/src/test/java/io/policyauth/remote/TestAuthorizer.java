package io.policyauth.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's authorizer on loopback, recording every request it receives. Paths:
 * <ul>
 * <li>{@code /authorize}: Basic alice -> roles reader, admin; bob -> reader; mallory -> 403;
 * {@code Bearer good-token} -> sub svc-1, reader; anything else -> 401; a {@code body} that
 * mentions {@code secret} -> 403, whoever asks</li>
 * <li>{@code /slow}: answers only once {@link #releaseSlow()} is called (or after 10 s)</li>
 * <li>{@code /malformed}: a 200 that is not JSON</li>
 * <li>{@code /flaky}: 500 on the first call, then a grant</li>
 * <li>{@code /echo}: grants reader to anyone</li>
 * </ul>
 * Shared through this module's test jar with the WebFlux and stack-parity suites.
 */
public final class TestAuthorizer implements AutoCloseable {

    /**
     * One request as the authorizer saw it.
     *
     * @param path the path asked
     * @param headers the headers, by lower-case name
     * @param json the body
     */
    public record Received(String path, Map<String, List<String>> headers, JsonNode json) {

        List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /**
         * @param name a field of the body
         * @return its text, or {@code null}
         */
        public String field(String name) {
            JsonNode value = json.get(name);
            return value == null ? null : value.stringValue();
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private volatile CountDownLatch slow = new CountDownLatch(1);

    /** Starts on a free loopback port. */
    public TestAuthorizer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * @param path one of the paths above
     * @return its URL
     */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A URL on which nothing listens. */
    public static String refusingUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/authorize";
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * @param path a path
     * @return how often it was asked
     */
    public long calls(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    /**
     * @return the latest request
     */
    public Received last() {
        List<Received> all = received();
        return all.get(all.size() - 1);
    }

    boolean slowReleased() {
        return slow.getCount() == 0;
    }

    void releaseSlow() {
        slow.countDown();
    }

    /** Forgets every request. */
    public void reset() {
        releaseSlow();
        received.clear();
        flakyCalls.set(0);
        slow = new CountDownLatch(1);
    }

    @Override
    public void close() {
        releaseSlow();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(path, headers, json.readTree(body));
            received.add(request);
            switch (path) {
                case "/authorize" -> authorize(exchange, request);
                case "/slow" -> {
                    awaitRelease();
                    answer(exchange, 200, "{\"roles\":[\"reader\"]}");
                }
                case "/malformed" -> answer(exchange, 200, "{roles: [nope");
                case "/flaky" -> answer(exchange, flakyCalls.getAndIncrement() == 0 ? 500 : 200,
                        "{\"roles\":[\"reader\"]}");
                default -> answer(exchange, 200, "{\"roles\":[\"reader\"]}");
            }
        }
    }

    private void authorize(HttpExchange exchange, Received request) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String user = request.field("user");
        String body = request.field("body");
        if (body != null && body.contains("secret")) {
            answer(exchange, 403, "{\"error\":\"no secrets\"}");
        }
        else if ("Bearer good-token".equals(authorization)) {
            answer(exchange, 200, "{\"roles\":[\"reader\"],\"sub\":\"svc-1\"}");
        }
        else if ("alice".equals(user)) {
            answer(exchange, 200, "{\"roles\":[\"reader\",\"admin\"]}");
        }
        else if ("bob".equals(user)) {
            answer(exchange, 200, "{\"roles\":[\"reader\"]}");
        }
        else if ("mallory".equals(user)) {
            answer(exchange, 403, "{\"error\":\"mallory is banned\"}");
        }
        else {
            answer(exchange, 401, "{\"error\":\"unknown user\"}");
        }
    }

    private void awaitRelease() {
        try {
            slow.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
