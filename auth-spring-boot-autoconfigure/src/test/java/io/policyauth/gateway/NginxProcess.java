package io.policyauth.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The repository's {@code gateway/nginx.conf}, run by a real nginx on free loopback ports, with the
 * Python upstream beside it; both stopped on close.
 */
final class NginxProcess implements AutoCloseable {

    static final Path EXAMPLE = Path.of("..", "gateway", "nginx.conf");

    private final Process nginx;
    private final Process upstream;
    private final int port;

    private NginxProcess(Process nginx, Process upstream, int port) {
        this.nginx = nginx;
        this.upstream = upstream;
        this.port = port;
    }

    /**
     * @return the nginx binary, if installed
     */
    static Optional<Path> binary() {
        return Stream.concat(Stream.of(System.getenv("PATH").split(":")).map(Path::of), Stream.of(Path.of("/usr/sbin")))
                .map(dir -> dir.resolve("nginx")).filter(Files::isExecutable).findFirst();
    }

    /**
     * @param nginxBinary the nginx to run
     * @param configuration the configuration, with the example's ports 8000 (nginx), 8080
     *        (policy-auth) and 9000 (upstream)
     * @param policyAuthPort where policy-auth listens
     * @param workDir where the prefix, logs and rewritten configuration go
     * @return the running pair
     */
    static NginxProcess start(Path nginxBinary, Path configuration, int policyAuthPort, Path workDir)
            throws IOException, InterruptedException {
        int nginxPort = freePort();
        int upstreamPort = freePort();
        Path script = workDir.resolve("echo_upstream.py");
        try (var in = NginxProcess.class.getResourceAsStream("/gateway/echo_upstream.py")) {
            Files.copy(in, script);
        }
        Process upstream = new ProcessBuilder("python3", script.toString(), Integer.toString(upstreamPort))
                .redirectErrorStream(true).redirectOutput(workDir.resolve("upstream.log").toFile()).start();
        String conf = Files.readString(configuration, StandardCharsets.UTF_8)
                .replace("127.0.0.1:8000", "127.0.0.1:" + nginxPort)
                .replace("127.0.0.1:8080", "127.0.0.1:" + policyAuthPort)
                .replace("127.0.0.1:9000", "127.0.0.1:" + upstreamPort);
        Path confFile = workDir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process nginx = new ProcessBuilder(nginxBinary.toString(), "-p", workDir.toString(), "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("nginx.log").toFile()).start();
        NginxProcess started = new NginxProcess(nginx, upstream, nginxPort);
        started.awaitListening(List.of(nginxPort, upstreamPort), workDir);
        return started;
    }

    /**
     * @param binary nginx
     * @param configuration a configuration
     * @param prefix a prefix directory
     * @return whether {@code nginx -t} accepts it
     */
    static boolean configurationIsValid(Path binary, Path configuration, Path prefix)
            throws IOException, InterruptedException {
        return new ProcessBuilder(binary.toString(), "-t", "-p", prefix.toString(), "-c", configuration.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx-t.log").toFile()).start()
                .waitFor() == 0;
    }

    int port() {
        return port;
    }

    private void awaitListening(List<Integer> ports, Path workDir) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int candidate : ports) {
            while (!listening(candidate)) {
                if (System.nanoTime() > deadline || !nginx.isAlive() || !upstream.isAlive()) {
                    close();
                    throw new IllegalStateException("nginx or the upstream did not start: "
                            + Files.readString(workDir.resolve("nginx.log")) + Files.readString(workDir.resolve(
                                    "upstream.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }

    @Override
    public void close() {
        nginx.destroy();
        upstream.destroy();
    }
}
