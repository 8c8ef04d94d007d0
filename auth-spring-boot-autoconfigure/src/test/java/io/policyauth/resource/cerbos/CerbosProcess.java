package io.policyauth.resource.cerbos;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Cerbos binary, from the npm package {@code @cerbos/cerbos-linux-x64} (pinned), installed
 * into {@code target/cerbos} once per build and started on free loopback ports with the
 * repository's policies. Tests that need it are skipped, saying so, where npm is not installed.
 */
public final class CerbosProcess implements AutoCloseable {

    static final String VERSION = "0.55.0";
    static final Path POLICIES = Path.of("..", "cerbos", "policies").toAbsolutePath().normalize();
    private static final Path INSTALLED = Path.of("target", "cerbos").toAbsolutePath();
    private static final Path BINARY = INSTALLED.resolve(Path.of("node_modules", "@cerbos", "cerbos-linux-x64",
            "cerbos-linux-x64"));

    private final Process process;
    private final int port;
    private final Path log;

    private CerbosProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The binary, installed from npm unless it is already; skips the calling test without npm. */
    static synchronized Path binary() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            assumeTrue(onPath("npm"), "npm is not installed: the tests against the real Cerbos are skipped");
            Files.createDirectories(INSTALLED);
            Result installed = run(List.of("npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                    INSTALLED.toString(), "@cerbos/cerbos-linux-x64@" + VERSION), INSTALLED, 300);
            assumeTrue(installed.exitCode() == 0 && Files.isExecutable(BINARY),
                    "Cerbos could not be installed from npm, the tests against it are skipped: " + installed.output());
        }
        return BINARY;
    }

    /** Starts Cerbos with the repository's policies and waits until it serves. */
    public static CerbosProcess start() throws IOException, InterruptedException {
        Path binary = binary();
        int http = freePort();
        int grpc = freePort();
        Path config = Files.createTempFile("cerbos", ".yaml");
        Files.writeString(config, """
                server:
                  httpListenAddr: "127.0.0.1:%d"
                  grpcListenAddr: "127.0.0.1:%d"
                storage:
                  driver: disk
                  disk:
                    directory: "%s"
                    watchForChanges: false
                engine:
                  lenientScopeSearch: true
                """.formatted(http, grpc, POLICIES), StandardCharsets.UTF_8);
        Path log = Files.createTempFile("cerbos", ".log");
        Process process = new ProcessBuilder(binary.toString(), "server", "--config=" + config, "--log-level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        CerbosProcess cerbos = new CerbosProcess(process, http, log);
        cerbos.awaitServing();
        return cerbos;
    }

    /** Runs {@code cerbos compile} over the repository's policies and their test suites. */
    static Result compile() throws IOException, InterruptedException {
        return run(List.of(binary().toString(), "compile", POLICIES.toString()), INSTALLED, 120);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitServing() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Cerbos stopped: " + Files.readString(log));
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(url().resolve("/_cerbos/health"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("Cerbos did not serve within 30 s: " + Files.readString(log));
    }

    private static Result run(List<String> command, Path directory, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("cerbos-tool", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(":")).stream().map(dir -> Path.of(dir, tool))
                .anyMatch(Files::isExecutable);
    }

    /** What a command printed and how it ended. */
    record Result(int exitCode, String output) {
    }
}
