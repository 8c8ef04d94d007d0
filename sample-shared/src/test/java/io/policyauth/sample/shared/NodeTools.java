package io.policyauth.sample.shared;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tools nobody here wrote (an OpenAPI validator, a browser driver), shipped in this test jar under
 * {@code policy-auth-node/}, installed from the npm registry into the calling module's
 * {@code target/node} once per build and run as processes. Tests that need them are skipped, saying
 * so, where Node.js is not installed.
 */
public final class NodeTools {

    private static final String SOURCES = "/policy-auth-node/";
    private static final Path INSTALLED = Path.of("target", "node");

    private NodeTools() {
    }

    /** Installs the tools unless installed; skips the calling test without Node.js and npm. */
    public static synchronized void install() throws IOException, InterruptedException {
        assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are not installed: this check is skipped");
        Files.createDirectories(INSTALLED);
        for (String file : List.of("package.json", "validate.mjs", "swagger-ui.mjs")) {
            try (InputStream source = NodeTools.class.getResourceAsStream(SOURCES + file)) {
                Files.copy(source, INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(INSTALLED.resolve("node_modules").resolve("playwright-core"))) {
            Result result = run(List.of("npm", "install", "--no-audit", "--no-fund", "--silent"), 300);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("npm install failed: " + result.output());
            }
        }
    }

    /** Runs {@code node} with these arguments in the tools' directory, waiting at most this long. */
    public static Result node(List<String> arguments, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(arguments);
        return run(command, timeoutSeconds);
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-tool", ".log");
        Process process = new ProcessBuilder(command).directory(INSTALLED.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(":")).stream().map(dir -> Path.of(dir, tool))
                .anyMatch(Files::isExecutable);
    }

    /** What a tool printed and how it ended. */
    public record Result(int exitCode, String output) {
    }
}
