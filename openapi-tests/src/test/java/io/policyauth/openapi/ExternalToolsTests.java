package io.policyauth.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.policyauth.openapi.app.ShopApplication;
import io.policyauth.sample.shared.NodeTools;
import io.policyauth.test.TestTokens;

/**
 * The document and Swagger UI checked by tools no one here wrote: APIDevTools' OpenAPI validator,
 * and headless Chromium driving Swagger UI through "Authorize" and "Try it out".
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalToolsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens testTokens;

    @BeforeAll
    static void install() throws Exception {
        NodeTools.install();
    }

    @Test
    void theDocumentIsValidOpenApi31() throws Exception {
        String json = ApiDocs.fetch(client()).json();
        Path document = Files.writeString(Path.of("target", "openapi.json").toAbsolutePath(), json,
                StandardCharsets.UTF_8);

        NodeTools.Result result = NodeTools.node(List.of("validate.mjs", document.toString()), 120);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("valid OpenAPI 3.1.0");
    }

    @Test
    void swaggerUiAuthorizesAndTriesAnOperationOutAgainstTheRunningApplication() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed (Debian's "
                + "chromium package, which .ci/run installs): the Swagger UI check is skipped");
        Path screenshot = Path.of("target", "swagger-ui-try-it-out.png").toAbsolutePath();
        String writer = testTokens.bearerToken().subject("ui-user").scopes("orders:write").build();

        NodeTools.Result authorized = NodeTools.node(List.of("swagger-ui.mjs", "http://127.0.0.1:" + port,
                "private", writer, "createOrder", screenshot.toString()), 120);
        NodeTools.Result unauthorized = NodeTools.node(List.of("swagger-ui.mjs", "http://127.0.0.1:" + port,
                "private", "not-a-token", "createOrder", screenshot.resolveSibling("swagger-ui-refused.png")
                        .toString()), 120);

        assertThat(authorized.output()).as(authorized.output()).contains("status 200");
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        assertThat(unauthorized.output()).as(unauthorized.output()).contains("status 401");
    }

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
