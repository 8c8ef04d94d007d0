package io.policyauth.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.tenant.TenantTokens;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;
import io.policyauth.web.StartFailures;

/**
 * A resource check that could be skipped never lets the application start; one that runs is named in
 * the start-up report.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResourceStartupTests {

    @Test
    void theStartupReportNamesTheCheckedEndpointsAndTheEngine(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SpringApplication.run(ResourceTestApplication.class,
                "--server.port=0", "--policy-auth.jwt.secret=" + TenantTokens.SECRET,
                "--policy-auth.resources.engine=cerbos", "--policy-auth.resources.cerbos.url=http://127.0.0.1:9",
                "--logging.level.io.policyauth.startup=info")) {
            assertThat(output.getAll()).contains("resource checks: document 3 endpoint(s), engine cerbos at "
                    + "http://127.0.0.1:9, deny-status 403");
        }
    }

    @Test
    void aResourceCheckWithoutAPolicyStopsTheStart() {
        assertStartFails(WithoutPolicy.class, "needs a @RequiresPolicy beside it");
    }

    @Test
    void aResourceCheckWithoutAnEngineStopsTheStart() {
        assertStartFails(WithoutEngine.class, "no resource engine is configured");
    }

    @Test
    void aRouteResourceRuleWithoutAnEngineStopsTheStart() {
        assertStartFails(RoutesOnly.class, "Route /notes/{noteId} has a resource rule, and no resource engine is "
                + "configured", route("{noteId}"));
    }

    @Test
    void aRouteResourceIdOutsideItsPatternStopsTheStart() {
        assertStartFails(RoutesOnly.class, "policy-auth.routes[0]: resource.id {documentId} is not a variable of "
                + "the pattern /notes/{noteId}", route("{documentId}"));
    }

    private static String[] route(String id) {
        return new String[] {"--policy-auth.routes[0].pattern=/notes/{noteId}",
            "--policy-auth.routes[0].policy=private", "--policy-auth.routes[0].resource.kind=document",
            "--policy-auth.routes[0].resource.id=" + id};
    }

    private static void assertStartFails(Class<?> app, String message, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--policy-auth.jwt.secret=" + TenantTokens.SECRET));
        args.addAll(List.of(more));
        StartFailures.assertStartFails(app, args.toArray(String[]::new), message);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class RoutesOnly {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class WithoutPolicy {

        @RestController
        static class Documents {

            @GetMapping("/documents/{documentId}")
            @RequiresResource(kind = "document", id = "{documentId}")
            String read() {
                return "read";
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class WithoutEngine {

        @RestController
        static class Documents {

            @GetMapping("/documents/{documentId}")
            @RequiresPolicy("private")
            @RequiresResource(kind = "document", id = "{documentId}")
            String read() {
                return "read";
            }
        }
    }
}
