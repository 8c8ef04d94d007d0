package io.policyauth.ratelimit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's {@code redis-server} on a free loopback port, without persistence: stopped as a crash
 * stops it (killed), and started again on the same port; stopped on close.
 */
public final class RedisProcess implements AutoCloseable {

    private final Path binary;
    private final Path workDir;
    private final int port;
    private Process redis;

    private RedisProcess(Path binary, Path workDir, int port) {
        this.binary = binary;
        this.workDir = workDir;
        this.port = port;
    }

    /**
     * @return the redis-server binary, if installed
     */
    public static Optional<Path> binary() {
        return Stream.concat(Stream.of(System.getenv("PATH").split(":")).map(Path::of), Stream.of(Path.of("/usr/bin")))
                .map(dir -> dir.resolve("redis-server")).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts Debian's {@code redis-server}, or skips the tests, saying so, where it is not installed.
     *
     * @param workDir where its log goes
     * @param tests the tests that need it, as the skip message names them
     * @return a running server
     */
    public static RedisProcess startOrSkip(Path workDir, String tests) throws IOException, InterruptedException {
        Path binary = binary().orElse(null);
        assumeTrue(binary != null, "redis-server is not installed: " + tests + " are skipped (apt-get install "
                + "redis-server; .ci/run installs it)");
        return start(binary, workDir);
    }

    /**
     * @param binary the redis-server to run
     * @param workDir where its log goes
     * @return a running server
     */
    public static RedisProcess start(Path binary, Path workDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisProcess process = new RedisProcess(binary, workDir, port);
        process.restart();
        return process;
    }

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /** Kills the server, as a crash would: clients see their connection drop. */
    public void kill() throws InterruptedException {
        redis.destroyForcibly().waitFor();
    }

    /** Starts it again, empty, on the same port. */
    public void restart() throws IOException, InterruptedException {
        redis = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", workDir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        workDir.resolve("redis.log").toFile())).start();
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            }
            catch (IOException notYet) {
                if (!redis.isAlive()) {
                    throw new IllegalStateException("redis-server stopped: see " + workDir.resolve("redis.log"));
                }
                Thread.sleep(50);
            }
        }
        throw new UncheckedIOException(new IOException("redis-server did not listen on " + port));
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
