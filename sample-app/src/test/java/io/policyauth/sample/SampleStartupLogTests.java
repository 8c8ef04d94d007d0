package io.policyauth.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a new user reads when the sample starts: one INFO block saying which policies are active,
 * what each checks and how many endpoints it decides, the endpoints opened on purpose and the
 * exempt ones; no WARN for the endpoints annotated public; and one WARN, naming them together,
 * when nobody asked for endpoints to be open.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleStartupLogTests {

    @Test
    void theSampleSaysWhatIsActiveOnceAndWarnsAboutNothingItMeant(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
                "--server.port=0")) {
            String log = output.getAll();
            assertThat(log).contains("io.policyauth.startup", "policy-auth decides",
                    "policy private (jwt): shared secret (HMAC), issuer policy-auth-sample, audiences "
                            + "[policy-auth-sample] -> ",
                    "policy shared_api_key (shared-api-key): header X-API-KEY, 1 shared key(s) -> ",
                    "policy internal (internal): 2 allowed CIDR(s), 0 trusted proxy CIDR(s)",
                    "open to anyone on purpose: [GET /actuator/health (public, from route)",
                    "GET /api/hello (public, from annotation)", "exempt from every check: [* /error",
                    "tenancy: ", "tenant named by {tenantId}; cross-tenant roles [platform-admin]; store memory; "
                            + "admin API at /tenant-admin under private");
            assertThat(log).doesNotContain("dev-only-hs256-secret", "dev-shared-key-0123456789", "HEAD /api/hello",
                    "is open to anyone", "is exempt from every policy check", "no annotation or route names");
            assertThat(log.split("policy-auth decides", -1)).hasSize(2);
        }
    }

    @Test
    void endpointsNobodyAskedToOpenAreNamedInOneWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
                "--server.port=0", "--policy-auth.default-policy=public")) {
            String log = output.getAll();
            assertThat(log).containsOnlyOnce("no annotation or route names a policy that admits anyone")
                    .contains("GET /api/me (public, from default)");
        }
    }
}
