package io.policyauth.benchmarks.load;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.IssuedApiKey;
import io.policyauth.benchmarks.DpopFixture;
import io.policyauth.benchmarks.IntrospectionFixture;
import io.policyauth.benchmarks.JwtFixture;

/**
 * The baseline, {@code /plain}: the same trivial endpoint with no check at all (the policy-auth
 * interceptor runs, finds the handler exempt and lets it through). Also hands the run script the
 * tokens of this run and the DPoP proofs it sends, and answers the introspection of the opaque
 * token.
 */
@RestController
class UnprotectedController implements ExemptFromPolicyAuth {

    private static final long BUSY_NANOS = 1_000;

    private final JwtFixture keys;
    private final IssuedApiKey dbKey;
    private final DpopFixture dpop;
    private final String dpopToken;
    private final DecisionMeters metered;

    UnprotectedController(JwtFixture keys, IssuedApiKey dbKey, DpopFixture dpop, MeterRegistry meters) {
        this.keys = keys;
        this.dbKey = dbKey;
        this.dpop = dpop;
        this.dpopToken = dpop.boundToken(dpop.ec());
        this.metered = new DecisionMeters(meters, "load.floor");
    }

    @GetMapping("/plain")
    String plain() {
        return "ok";
    }

    /**
     * The baseline with one microsecond of CPU spent in its handler: what a microsecond of work per
     * request costs under load on this machine, the yardstick for the microseconds a front costs.
     */
    @GetMapping("/plain/busy")
    String busy() {
        long until = System.nanoTime() + BUSY_NANOS;
        while (System.nanoTime() < until) {
            // Spinning on the clock: a microsecond of CPU however fast the machine runs.
        }
        return "ok";
    }

    /**
     * The baseline recording what every decision's metrics record (a counter and a timer, two reads
     * of the clock) and nothing else: the floor under any metered policy, {@code public} included.
     */
    @GetMapping("/plain/metered")
    String metered() {
        metered.recordSince(System.nanoTime());
        return "ok";
    }

    /** The baseline behind {@link LeastFront}: what the least any front does costs. */
    @GetMapping(LeastFront.PATH)
    String fronted() {
        return "ok";
    }

    @GetMapping(path = "/setup/tokens", produces = MediaType.TEXT_PLAIN_VALUE)
    String tokens() {
        return "hs256 " + keys.hs256Token() + "\nhs256acme " + keys.hs256TenantToken("acme") + "\nrs256 "
                + keys.rs256Token() + "\nes256 " + keys.es256Token()
                + "\nshared " + LoadApplication.SHARED_KEY + "\ndb " + dbKey.key() + "\nopaque "
                + IntrospectionFixture.TOKEN + "\ndpop " + dpopToken + "\n";
    }

    /**
     * @param count how many proofs: each is accepted once
     * @param url the URL they name
     * @return that many proofs for {@code GET url} with the DPoP-bound token of {@code /setup/tokens}, a line each
     */
    @GetMapping(path = "/setup/dpop", produces = MediaType.TEXT_PLAIN_VALUE)
    String dpopProofs(@RequestParam int count, @RequestParam String url) {
        return IntStream.range(0, count).parallel().mapToObj(i -> DpopFixture.proof(dpop.ec(), "GET", url, dpopToken))
                .collect(Collectors.joining("\n")) + "\n";
    }

    @PostMapping(path = "/setup/introspect", produces = MediaType.APPLICATION_JSON_VALUE)
    String introspect() {
        return IntrospectionFixture.activeAnswer();
    }
}
