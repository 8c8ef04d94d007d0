package io.policyauth.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.policyauth.sample.shared.NodeTools;
import io.policyauth.test.TestTokens;

/**
 * The sample's Swagger UI in headless Chromium, as a new user meets it: Authorize with a token,
 * "Try it out" on the order endpoint. The screenshot stays in {@code target/} as the test's artifact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleSwaggerUiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens testTokens;

    @BeforeAll
    static void install() throws Exception {
        NodeTools.install();
    }

    @Test
    void swaggerUiShowsWhoMayCallAndTriesTheOrderEndpointOut() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed (Debian's "
                + "chromium package, which .ci/run installs): the Swagger UI check is skipped");
        Path screenshot = Path.of("target", "swagger-ui-sample.png").toAbsolutePath();
        String writer = testTokens.bearerToken().subject("ui-user").scopes("orders:write").build();

        NodeTools.Result result = NodeTools.node(List.of("swagger-ui.mjs", "http://127.0.0.1:" + port, "private",
                writer, "createOrder", screenshot.toString()), 120);

        assertThat(result.output()).as(result.output()).contains("status 200")
                .contains("Who may call: callers with a valid bearer token (policy private) holding scopes orders:write.");
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
}
