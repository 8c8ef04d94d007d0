package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.error.ErrorPageRegistrar;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.DecisionMetrics;
import io.policyauth.jwt.TokenIssuer;

/**
 * Error and async dispatches are decided like requests: an error page or an async dispatch that
 * points at a protected handler does not serve it unchecked, and only the error controller's error
 * path is exempt.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = DispatchWebIntegrationTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"policy-auth.jwt.secret=an-error-dispatch-test-secret-of-32-bytes",
            "logging.level.io.policyauth.startup=INFO"})
class DispatchWebIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    MeterRegistry meters;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @Test
    void anErrorPageThatPointsAtAProtectedHandlerDoesNotServeItUnchecked() {
        HttpResponse<String> response = http.get("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("the secret");
    }

    @Test
    void anErrorPagePointingAtAProtectedHandlerServesItToAnAdmittedCaller() {
        String bearer = "Bearer " + tokens.createToken("alice", List.of(), List.of());

        HttpResponse<String> response = http.get("/no-such-page", "Authorization", bearer);

        assertThat(response.body()).isEqualTo("the secret");
    }

    @Test
    void onlyTheErrorControllersErrorPathIsExempt() {
        assertThat(http.get("/error").statusCode()).isEqualTo(200);
        assertThat(http.get("/error").body()).isEqualTo("error page");
        assertThat(http.get("/error/details").statusCode()).isEqualTo(401);
    }

    @Test
    void anAsyncDispatchToAnotherHandlerIsDecidedForThatHandler() {
        assertThat(http.get("/async/to-secret").statusCode()).isEqualTo(401);
        assertThat(http.get("/async/to-secret", "Authorization",
                "Bearer " + tokens.createToken("bob", List.of(), List.of())).body()).isEqualTo("the secret");
    }

    @Test
    void anAsyncResultOfAGrantedRequestIsServed() {
        assertThat(http.get("/async/callable").body()).isEqualTo("later");
    }

    @Test
    void theAsyncResultOfAGrantedRequestIsServedWithoutASecondDecision() {
        String bearer = "Bearer " + tokens.createToken("carol", List.of(), List.of());
        double before = privateGrants();

        assertThat(http.get("/async/private-callable", "Authorization", bearer).body()).isEqualTo("later");
        assertThat(privateGrants() - before).isEqualTo(1);
        assertThat(http.get("/async/private-callable").statusCode()).isEqualTo(401);
    }

    private double privateGrants() {
        Counter granted = meters.find(DecisionMetrics.DECISIONS).tags("policy", "private", "outcome", "granted")
                .counter();
        return granted == null ? 0 : granted.count();
    }

    @Test
    void exemptEndpointsAreNamedAtStart(CapturedOutput output) {
        assertThat(output.getAll()).contains("exempt from every check: [* /error]")
                .doesNotContain("/error/details (");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        ErrorPageRegistrar notFoundPage() {
            return registry -> registry.addErrorPages(new ErrorPage(HttpStatus.NOT_FOUND, "/api/secret"));
        }

        @RestController
        static class Secrets {

            @GetMapping("/api/secret")
            @RequiresPolicy("private")
            String secret() {
                return "the secret";
            }

            @GetMapping("/async/to-secret")
            @RequiresPolicy("public")
            void toSecret(HttpServletRequest request) {
                request.startAsync().dispatch("/api/secret");
            }

            @GetMapping("/async/callable")
            @RequiresPolicy("public")
            Callable<String> callable() {
                return () -> "later";
            }

            @GetMapping("/async/private-callable")
            @RequiresPolicy("private")
            Callable<String> privateCallable() {
                return () -> "later";
            }
        }

        @RestController
        @RequestMapping("/error")
        static class Errors implements ErrorController {

            @RequestMapping
            String error() {
                return "error page";
            }

            @GetMapping("/details")
            String details() {
                return "internal error details";
            }
        }
    }
}
