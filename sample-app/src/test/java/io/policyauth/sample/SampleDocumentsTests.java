package io.policyauth.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The README's shared documents as a stranger tries them: Cerbos started by the README's command
 * ({@code bash cerbos/run.sh}, which installs it from npm and runs the policies' test suites), the
 * sample with profile {@code documents}. Each caller's list holds exactly what it may read, and each
 * document's checks answer as the policies say. Skipped, saying so, where npm is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("documents")
class SampleDocumentsTests {

    private static final URI CERBOS_HEALTH = URI.create("http://127.0.0.1:3592/_cerbos/health");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Process cerbos;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startCerbos() throws Exception {
        assumeTrue(onPath("npm"), "npm is not installed: the sample's documents against Cerbos are skipped");
        Path log = Files.createTempFile("cerbos-sample", ".log");
        cerbos = new ProcessBuilder("bash", "cerbos/run.sh").directory(Path.of("..").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!serving()) {
            if (!cerbos.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("cerbos/run.sh did not serve: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopCerbos() throws InterruptedException {
        if (cerbos != null) {
            cerbos.destroy();
            if (!cerbos.waitFor(10, TimeUnit.SECONDS)) {
                cerbos.destroyForcibly();
            }
        }
    }

    @Test
    void eachCallerListsAndActsOnWhatThePoliciesAllow() throws Exception {
        String alice = token("alice", "acme", "");
        String bob = token("bob", "acme", "");
        String ada = token("ada", "acme", "tenant-admin");

        assertThat(ids(alice)).containsExactlyInAnyOrder("plan", "notes");
        assertThat(ids(bob)).containsExactlyInAnyOrder("plan", "budget");
        assertThat(ids(token("eve", "acme", ""))).isEmpty();
        assertThat(ids(ada)).containsExactlyInAnyOrder("plan", "notes", "budget");
        assertThat(ids(token("gina", "globex", ""))).containsExactly("roadmap");

        assertThat(send("GET", "/documents/plan", bob, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/documents/notes", bob, null).statusCode()).as("a draft").isEqualTo(403);
        assertThat(send("GET", "/documents/roadmap", bob, null).statusCode()).as("another tenant's").isEqualTo(403);
        assertThat(send("PUT", "/documents/plan", bob, "{\"title\":\"Mine\"}").statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/documents/plan", alice, "{\"title\":\"Plan B\"}").body()).contains("Plan B");
        assertThat(send("GET", "/documents/nothing", alice, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/documents/budget", ada, null).statusCode()).isEqualTo(200);
        assertThat(ids(bob)).containsExactly("plan");
    }

    private List<String> ids(String token) throws IOException, InterruptedException {
        return JsonPath.read(send("GET", "/documents", token, null).body(), "$[*].id");
    }

    private String token(String subject, String tenant, String role) throws IOException, InterruptedException {
        String query = "subject=" + subject + "&tenant=" + tenant + (role.isEmpty() ? "" : "&role=" + role);
        return JsonPath.read(send("POST", "/dev/token?" + query, null, null).body(), "$.access_token");
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean serving() throws InterruptedException {
        try {
            return CLIENT.send(HttpRequest.newBuilder(CERBOS_HEALTH).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        }
        catch (IOException notYet) {
            return false;
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
    }
}
