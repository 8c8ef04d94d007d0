package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;
import io.policyauth.autoconfigure.jwt.JwtPolicyAutoConfiguration;
import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.RequiresPolicy;

/** Two issuers beside the top-level one: private admits all three, private:<name> only its own. */
@SpringBootTest(classes = SeveralIssuersWebIntegrationTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "policy-auth.jwt.secret=" + SeveralIssuersWebIntegrationTests.TOP,
            "policy-auth.jwt.issuer=https://top.example",
            "policy-auth.jwt.issuers.a.secret=" + SeveralIssuersWebIntegrationTests.A,
            "policy-auth.jwt.issuers.a.issuer=https://a.example",
            "policy-auth.jwt.issuers.a.roles-claim=realm_access.roles",
            "policy-auth.jwt.issuers.b.secret=" + SeveralIssuersWebIntegrationTests.B,
            "policy-auth.jwt.issuers.b.issuer=https://b.example"
        })
class SeveralIssuersWebIntegrationTests {

    static final String TOP = "top-level-issuer-secret-of-at-least-32-bytes";
    static final String A = "issuer-a-secret-of-at-least-thirty-two-bytes";
    static final String B = "issuer-b-secret-of-at-least-thirty-two-bytes";

    @LocalServerPort
    int port;

    @Autowired
    AuthExecutorRegistry registry;

    @Autowired
    TokenIssuer topIssuer;

    @Test
    void privateAdmitsEveryIssuerAndEachNamedPolicyOnlyItsOwn() throws KeyLengthException {
        HttpTestClient http = new HttpTestClient(port);
        String a = token(A, "https://a.example");
        String b = token(B, "https://b.example");
        String top = topIssuer.createToken("t", List.of(), List.of());

        assertThat(http.get("/any", "Authorization", "Bearer " + a).body()).isEqualTo("alice [admin]");
        assertThat(http.get("/any", "Authorization", "Bearer " + b).statusCode()).isEqualTo(200);
        assertThat(http.get("/any", "Authorization", "Bearer " + top).statusCode()).isEqualTo(200);
        assertThat(http.get("/only-a", "Authorization", "Bearer " + a).statusCode()).isEqualTo(200);
        assertThat(http.get("/only-a", "Authorization", "Bearer " + b).statusCode()).isEqualTo(401);
        assertThat(registry.policies()).contains("private", "private:a", "private:b");
    }

    @Test
    void aKeyOfOneIssuerNeverVerifiesAnothersToken() throws KeyLengthException {
        String forged = token(B, "https://a.example");

        assertThat(new HttpTestClient(port).get("/any", "Authorization", "Bearer " + forged).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenOfAnUnknownIssuerIs401InvalidToken() throws KeyLengthException {
        var response = new HttpTestClient(port).get("/any", "Authorization", "Bearer " + token(A, "https://x.example"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
                .contains("error=\"invalid_token\"");
    }

    @Test
    void aClaimValidatorBeanNamingOneIssuerAppliesToItsTokensOnly() throws KeyLengthException {
        HttpTestClient http = new HttpTestClient(port);

        assertThat(http.get("/any", "Authorization", "Bearer " + token(B, "https://b.example", "other-client"))
                .statusCode()).isEqualTo(401);
        assertThat(http.get("/any", "Authorization", "Bearer " + token(A, "https://a.example", "other-client"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void withSeveralIssuersEachMustNameItsIssuer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class,
                        JwtPolicyAutoConfiguration.class))
                .withPropertyValues("policy-auth.jwt.issuers.a.secret=" + A, "policy-auth.jwt.issuers.a.issuer=x",
                        "policy-auth.jwt.issuers.b.secret=" + B)
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
                        "policy-auth.jwt.issuers.b.issuer"));
    }

    private static String token(String secret, String issuer) throws KeyLengthException {
        return token(secret, issuer, "orders-web");
    }

    private static String token(String secret, String issuer, String azp) throws KeyLengthException {
        return TestKeys.token(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256,
                claims -> claims.issuer(issuer).claim("azp", azp)
                        .claim("realm_access", java.util.Map.of("roles", List.of("admin"))));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        /** "azp must be orders-web", for issuer b only. */
        @org.springframework.context.annotation.Bean
        JwtClaimValidator ordersWebForB() {
            return new JwtClaimValidator() {
                @Override
                public boolean isValid(java.util.Map<String, Object> claims) {
                    return "orders-web".equals(claims.get("azp"));
                }

                @Override
                public String issuerName() {
                    return "b";
                }
            };
        }

        @RestController
        static class Endpoints {

            @GetMapping("/any")
            @RequiresPolicy("private")
            String any(AuthenticatedUser user) {
                return user.subject() + " " + user.roles();
            }

            @GetMapping("/only-a")
            @RequiresPolicy("private:a")
            String onlyA() {
                return "a";
            }
        }
    }
}
