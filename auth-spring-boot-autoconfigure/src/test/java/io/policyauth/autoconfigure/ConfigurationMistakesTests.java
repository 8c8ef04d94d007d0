package io.policyauth.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.web.RequiresPolicy;

/**
 * The configuration mistakes a new user makes, each tried on a real server start: the start stops,
 * naming the property and what to do, and never shows a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationMistakesTests {

    private static final String SECRET = "configuration-mistakes-secret-0123456789";

    @Test
    void aMisspeltPropertyStopsTheStartNamingTheValidOne() {
        assertThat(failure("policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.audience=orders-api"))
                .contains("policy-auth.jwt.audience").contains("did you mean policy-auth.jwt.audiences?");
        assertThat(failure("policy-auth.jwt.secret=" + SECRET, "policy-auth.remote.kx.endpont=http://127.0.0.1:1/"))
                .contains("did you mean policy-auth.remote.kx.endpoint?");
        assertThat(failure("policy-auth.jwt.secret=" + SECRET, "policy-auth.routes[0].patern=/x/**",
                "policy-auth.routes[0].policy=public")).contains("did you mean policy-auth.routes[0].pattern?");
        assertThat(failure("policy-auth.jwt.secret=" + SECRET, "policy-auth.jwt.issuers.partner.secrett=" + SECRET))
                .contains("did you mean policy-auth.jwt.issuers.partner.secret?");
        assertThat(failure("policy-auth.jwt.secret=" + SECRET, "policy-auth.nonsense=1"))
                .contains("policy-auth.nonsense is not a policy-auth property");
    }

    @Test
    void anUnresolvedPlaceholderInASecretStopsTheStartAndIsNeverAKey() {
        assertThat(failure("policy-auth.jwt.secret=${ORDERS_API_JWT_SIGNING_SECRET_NOT_SET}"))
                .contains("policy-auth.jwt.secret").contains("${ORDERS_API_JWT_SIGNING_SECRET_NOT_SET}")
                .contains("not resolved");
        assertThat(failure("policy-auth.jwt.secret=" + SECRET,
                "policy-auth.jwt.issuers.partner.secret=${PARTNER_SECRET_NOT_SET}"))
                .contains("policy-auth.jwt.issuers.partner.secret").contains("${PARTNER_SECRET_NOT_SET}");
        assertThat(failure("policy-auth.jwt.secret=" + SECRET, "policy-auth.api-key.shared-keys=${SHARED_KEY_NOT_SET}"))
                .contains("policy-auth.api-key.shared-keys").contains("${SHARED_KEY_NOT_SET}");
    }

    @Test
    void aSecretSetToNothingStopsTheStart() {
        assertThat(failure("empty.value=", "policy-auth.jwt.secret=${empty.value}"))
                .contains("policy-auth.jwt.secret is set but empty");
    }

    @Test
    void aTooShortSecretIsNamedByItsLengthNeverShown(CapturedOutput output) {
        String shortSecret = "my-short-but-real-secret";
        String failure = failure("policy-auth.jwt.secret=" + shortSecret);

        assertThat(failure).contains("policy-auth.jwt.secret").contains("24 bytes").doesNotContain(shortSecret);
        assertThat(output.getAll()).doesNotContain(shortSecret);
    }

    @Test
    void tokenBindingAndIntrospectionMistakesStopTheStartNamingTheProperty(CapturedOutput output) {
        String secret = "policy-auth.jwt.secret=" + SECRET;
        assertThat(failure(secret, "policy-auth.jwt.dpop.mode=required", "policy-auth.jwt.dpop.algorithms=HS256"))
                .contains("policy-auth.jwt.dpop.algorithms").contains("HS256 is not an asymmetric");
        assertThat(failure(secret, "policy-auth.jwt.dpop.mode=sometimes")).contains("policy-auth.jwt.dpop.mode");
        assertThat(failure(secret, "policy-auth.jwt.dpop.mode=allowed",
                "policy-auth.jwt.dpop.public-url=api.example.com"))
                .contains("policy-auth.jwt.dpop.public-url").contains("https://api.example.com");
        assertThat(failure(secret, "policy-auth.jwt.dpop.mode=allowed", "policy-auth.jwt.dpop.nonce=true",
                "policy-auth.jwt.dpop.nonce-secret=too-short-a-nonce-secret")).contains("nonce-secret")
                .doesNotContain("too-short-a-nonce-secret");
        assertThat(failure("policy-auth.jwt.introspection.uri=https://as.example/introspect",
                "policy-auth.jwt.audiences=orders-api")).contains("policy-auth.jwt.introspection.client-id")
                .contains("RFC 7662");
        assertThat(failure("policy-auth.jwt.introspection.uri=https://as.example/introspect",
                "policy-auth.jwt.introspection.client-id=orders-api",
                "policy-auth.jwt.introspection.client-secret=introspection-secret-value"))
                .contains("policy-auth.jwt.audiences").contains("introspection")
                .doesNotContain("introspection-secret-value");
        assertThat(output.getAll()).doesNotContain("too-short-a-nonce-secret")
                .doesNotContain("introspection-secret-value");
    }

    @Test
    void aCorrectConfigurationStarts() {
        try (ConfigurableApplicationContext context = start("policy-auth.jwt.secret=" + SECRET,
                "policy-auth.jwt.issuer=orders", "policy-auth.jwt.audiences=orders-api", "policy-auth.routes[0].pattern=/x/**",
                "policy-auth.routes[0].policy=public", "policy-auth.remote.kx.endpoint=http://127.0.0.1:1/",
                "policy-auth.jwt.issuers.partner.secret=" + SECRET, "policy-auth.jwt.issuers.partner.issuer=partner")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void everyStartupFailureIsReportedAsAFailureAnalysisNotAStackTrace(CapturedOutput output) {
        String secret = "policy-auth.jwt.secret=" + SECRET;
        assertAnalysis(output, List.of(secret, "test.misspelt-annotation=true"),
                "@RequiresPolicy on " + MistakenApplication.Annotated.class.getName(), "Did you mean 'private'?", "Name at least one");
        assertAnalysis(output, List.of(secret, "policy-auth.jwt.audience=x"),
                "did you mean policy-auth.jwt.audiences?", "Correct or remove");
        assertAnalysis(output, List.of(secret, "policy-auth.api-key.shared-keys=short"),
                "policy-auth.api-key.shared-keys", "at least 16 characters");
        assertAnalysis(output, List.of("policy-auth.jwt.secret=my-short-but-real-secret"),
                "policy-auth.jwt.secret is too weak", "the README lists every property");
        assertAnalysis(output, List.of(secret, "policy-auth.routes[0].policy=public"),
                "policy-auth.routes[0].pattern is required", "the README lists every property");
        assertAnalysis(output, List.of(secret, "policy-auth.policies.a.any-of=b", "policy-auth.policies.b.any-of=a"),
                "Policies form a cycle", "forms no cycle");
        assertAnalysis(output, List.of(secret, "server.forward-headers-strategy=native",
                "policy-auth.internal.allowed-cidrs=10.0.0.0/8"), "server.forward-headers-strategy=native",
                "Set server.forward-headers-strategy=none");
    }

    private static void assertAnalysis(CapturedOutput output, List<String> properties, String... expected) {
        int from = output.getAll().length();
        failure(properties.toArray(String[]::new));
        String report = output.getAll().substring(from);
        assertThat(report).contains("APPLICATION FAILED TO START", "Description:", "policy-auth: ", "Action:")
                .contains(expected).doesNotContain("\tat io.policyauth");
    }

    /* The whole failure as a user sees it: every message in the cause chain. */
    private static String failure(String... properties) {
        Throwable failure = catchThrowable(() -> start(properties).close());
        assertThat(failure).as("the start with %s", List.of(properties)).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        for (String property : properties) {
            arguments.add("--" + property);
        }
        return new SpringApplicationBuilder(MistakenApplication.class).web(WebApplicationType.SERVLET)
                .run(arguments.toArray(String[]::new));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    static class MistakenApplication {

        @RestController
        @ConditionalOnProperty("test.misspelt-annotation")
        static class Annotated {

            @GetMapping("/annotated")
            @RequiresPolicy("privte")
            String annotated() {
                return "annotated";
            }
        }

        @RestController
        static class Orders {

            @GetMapping("/orders")
            @RequiresPolicy("private")
            String orders() {
                return "orders";
            }
        }
    }
}
