package io.policyauth.tenant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.StartFailures;

/** Tenancy's configuration mistakes stop the start, naming what is wrong. */
class TenancyStartupTests {

    private static final String[] TENANCY = {"--server.port=0", "--policy-auth.tenancy.enabled=true",
        "--policy-auth.jwt.secret=" + TenantTokens.SECRET};

    @Test
    void aTenantVariableThatIsNotInThePatternNamesTheHandler() {
        assertStartFails(MisboundApp.class, "MisboundController#reports", "{orgId}", "/teams/{teamId}/reports");
    }

    @Test
    void aRouteTenantVariableThatIsNotInItsPatternNamesTheRoute() {
        assertStartFails(MisboundApp.class, "policy-auth.routes[0]", "{orgId}", "--policy-auth.routes[0].pattern=/x/**",
                "--policy-auth.routes[0].policy=private", "--policy-auth.routes[0].tenant={orgId}");
    }

    @Test
    void anAdminApiPolicyThatIsNotRegisteredIsNamed() {
        assertStartFails(MisboundApp.class, "policy-auth.tenancy.admin-api.policy", "nope",
                "--policy-auth.tenancy.admin-api.enabled=true", "--policy-auth.tenancy.admin-api.policy=nope");
    }

    private static void assertStartFails(Class<?> app, String named, String alsoNamed, String... more) {
        String[] arguments = new String[TENANCY.length + more.length];
        System.arraycopy(TENANCY, 0, arguments, 0, TENANCY.length);
        System.arraycopy(more, 0, arguments, TENANCY.length, more.length);
        StartFailures.assertStartFails(app, arguments, named, alsoNamed);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
    @Import(MisboundController.class)
    static class MisboundApp {
    }

    @RestController
    static class MisboundController {

        @GetMapping("/teams/{teamId}/reports")
        @RequiresPolicy(value = "private", tenant = "{orgId}")
        String reports() {
            return "reports";
        }
    }
}
