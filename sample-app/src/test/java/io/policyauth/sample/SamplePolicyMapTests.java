package io.policyauth.sample;

import static io.policyauth.test.PolicyAuthAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.policyauth.web.PolicyMap;
import io.policyauth.web.PolicySource;

/**
 * What the sample leaves open and what each sensitive endpoint needs, stated once: a new endpoint
 * that comes out open, or a route or annotation that loosens one, fails here naming it.
 */
@SpringBootTest
class SamplePolicyMapTests {

    @Autowired
    PolicyMap policyMap;

    @Test
    void onlyTheGreetingAndHealthAreOpenToAnyone() {
        assertThat(policyMap).hasOnlyOpenEndpoints("GET /api/hello", "GET /actuator/health",
                "GET /actuator/health/**");
    }

    @Test
    void sensitiveEndpointsHaveTheirPolicies() {
        assertThat(policyMap).endpoint("POST /api/orders").hasPolicy("private").requiresScopes("orders:write");
        assertThat(policyMap).endpoint("GET /api/me").hasPolicy("private").comesFrom(PolicySource.DEFAULT);
        assertThat(policyMap).endpoint("GET /api/either").hasPolicy("private", "shared_api_key");
        assertThat(policyMap).endpoint("POST /dev/token").hasPolicy("internal");
        assertThat(policyMap).endpoint("POST /admin/keys").hasPolicy("internal");
        assertThat(policyMap).endpoint("DELETE /admin/keys/{keyId}").hasPolicy("internal");
    }
}
