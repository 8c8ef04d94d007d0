package io.policyauth.benchmarks.load;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.IssuedApiKey;
import io.policyauth.benchmarks.JwtFixture;

/**
 * The baseline, {@code /plain}: the same trivial endpoint with no check at all (the policy-auth
 * interceptor runs, finds the handler exempt and lets it through). Also hands the run script the
 * tokens of this run.
 */
@RestController
class UnprotectedController implements ExemptFromPolicyAuth {

    private final JwtFixture keys;
    private final IssuedApiKey dbKey;

    UnprotectedController(JwtFixture keys, IssuedApiKey dbKey) {
        this.keys = keys;
        this.dbKey = dbKey;
    }

    @GetMapping("/plain")
    String plain() {
        return "ok";
    }

    @GetMapping(path = "/setup/tokens", produces = MediaType.TEXT_PLAIN_VALUE)
    String tokens() {
        return "hs256 " + keys.hs256Token() + "\nhs256acme " + keys.hs256TenantToken("acme") + "\nrs256 "
                + keys.rs256Token() + "\nes256 " + keys.es256Token()
                + "\nshared " + LoadApplication.SHARED_KEY + "\ndb " + dbKey.key() + "\n";
    }
}
