package io.policyauth.test.resource;

import static io.policyauth.test.PolicyAuthRequestPostProcessors.policyUser;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.policyauth.test.TestResourceAuthorizer;

/**
 * A slice whose resource checks a {@link TestResourceAuthorizer} decides from its table, with the
 * starter's checks around it: the endpoint's policy first, 404 for an unknown resource, 403 for what
 * the table does not allow.
 */
@WebMvcTest(DocumentsApplication.DocumentController.class)
@ActiveProfiles("hs")
class ResourceSliceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestResourceAuthorizer resources;

    @BeforeEach
    void table() {
        resources.reset();
        resources.allow("ann", "document", "d1", TestResourceAuthorizer.ANY)
                .allow(TestResourceAuthorizer.ANY, "document", TestResourceAuthorizer.ANY, "read");
    }

    @Test
    void theTableDecidesEachCallersAction() {
        assertThat(mvc.put().uri("/documents/d1").with(policyUser("ann"))).hasStatusOk();
        assertThat(mvc.put().uri("/documents/d1").with(policyUser("bob"))).hasStatus(403);
        assertThat(mvc.get().uri("/documents/d2").with(policyUser("bob"))).hasStatusOk();
        assertThat(resources.answered()).extracting(decision -> decision.resource().id() + " "
                + decision.action() + " " + decision.allowed())
                .containsExactly("d1 update true", "d1 update false", "d2 read true");
    }

    @Test
    void thePolicyRunsFirstAndAnUnknownResourceIsNotFound() {
        assertThat(mvc.get().uri("/documents/d1")).hasStatus(401);
        assertThat(mvc.get().uri("/documents/d9").with(policyUser("ann"))).hasStatus(404);
        assertThat(resources.answered()).isEmpty();
    }
}
