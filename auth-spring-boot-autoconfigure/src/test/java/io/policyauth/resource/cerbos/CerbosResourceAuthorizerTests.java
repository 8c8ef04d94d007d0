package io.policyauth.resource.cerbos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.resource.FilterExpression;
import io.policyauth.resource.HangingEngine;
import io.policyauth.resource.Resource;
import io.policyauth.resource.ResourceDecision;
import io.policyauth.resource.ResourceFilter;

/**
 * {@link CerbosResourceAuthorizer} against the real Cerbos binary and the repository's policies
 * (their own YAML test suites run too), and failing closed when Cerbos is stopped, hangs or is
 * saturated.
 */
class CerbosResourceAuthorizerTests {

    private static final Resource SHARED = document("d1", "acme", "ann", List.of("bob"), "published");

    private static CerbosProcess cerbos;
    private static CerbosResourceAuthorizer authorizer;

    @BeforeAll
    static void start() throws Exception {
        cerbos = CerbosProcess.start();
        authorizer = new CerbosResourceAuthorizer(settings(cerbos.url(), 64));
    }

    @AfterAll
    static void stop() {
        if (cerbos != null) {
            cerbos.close();
        }
    }

    @Test
    void thePoliciesPassTheirOwnTestSuites() throws Exception {
        CerbosProcess.Result compiled = CerbosProcess.compile();

        assertThat(compiled.exitCode()).as(compiled.output()).isZero();
        assertThat(compiled.output()).contains("OK").doesNotContain("FAILED");
    }

    @Test
    void theOwnerTheSharedReaderAStrangerAnotherTenantAndAnAdministrator() {
        assertThat(allowed(user("ann", "acme"), SHARED)).containsExactly("read", "update", "delete");
        assertThat(allowed(user("bob", "acme"), SHARED)).containsExactly("read");
        assertThat(allowed(user("eve", "acme"), SHARED)).isEmpty();
        assertThat(allowed(user("ann", "globex"), SHARED)).isEmpty();
        assertThat(allowed(admin("ada", "acme"), SHARED)).containsExactly("read", "update", "delete");
        assertThat(authorizer.check(user("bob", "acme"), SHARED, "read").policy())
                .isEqualTo("resource.document.vdefault");
    }

    @Test
    void aBatchLargerThanCerbosTakesIsSentInParts() {
        List<Resource> many = IntStream.range(0, 120).mapToObj(i -> document("d" + i, "acme", i % 2 == 0 ? "ann"
                : "zed", List.of(), "published")).toList();

        List<ResourceDecision> decisions = authorizer.checkAll(user("ann", "acme"), many, List.of("update"));

        assertThat(decisions).hasSize(120);
        assertThat(decisions).extracting(decision -> decision.resource().id()).containsExactlyElementsOf(
                many.stream().map(Resource::id).toList());
        assertThat(decisions).allSatisfy(decision -> assertThat(decision.allowed())
                .isEqualTo("ann".equals(decision.resource().attributes().get("owner"))));
    }

    @Test
    void aPlanIsTheConditionOfTheResourcesTheCallerMayRead() {
        ResourceFilter bob = authorizer.plan(user("bob", "acme"), "document", "read");

        assertThat(bob).isInstanceOfSatisfying(ResourceFilter.Conditional.class, conditional -> {
            FilterExpression.Operation or = (FilterExpression.Operation) conditional.condition();
            assertThat(or.operator()).isEqualTo("or");
            assertThat(conditional.condition().toString()).contains("Attribute[attribute=owner]",
                    "Attribute[attribute=sharedWith]", "Value[value=bob]", "Value[value=acme]");
        });
        assertThat(authorizer.plan(user("bob", "acme"), "invoice", "read")).isEqualTo(ResourceFilter.ALWAYS_DENIED);
    }

    @Test
    void aStoppedEngineIsA503NeverAGrant() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CerbosResourceAuthorizer down = new CerbosResourceAuthorizer(settings(URI.create("http://127.0.0.1:"
                + closed), 4));

        assertUnavailable(() -> down.check(user("ann", "acme"), SHARED, "read"), "resource_engine_unavailable");
        assertUnavailable(() -> down.plan(user("ann", "acme"), "document", "read"), "resource_engine_unavailable");
    }

    @ParameterizedTest(name = "HttpClient 5: {0}")
    @ValueSource(booleans = {true, false})
    void eitherHttpClientAsksCerbos(boolean httpComponents) throws Exception {
        CerbosSettings settings = settings(cerbos.url(), 4);
        try (CerbosResourceAuthorizer asking = new CerbosResourceAuthorizer(settings,
                CerbosRequestFactories.of(settings, httpComponents))) {
            assertThat(asking.check(user("bob", "acme"), SHARED, "read").allowed()).isTrue();
            assertThat(asking.check(user("bob", "acme"), SHARED, "update").allowed()).isFalse();
            assertThat(asking.plan(user("bob", "acme"), "document", "read"))
                    .isInstanceOf(ResourceFilter.Conditional.class);
        }
    }

    @ParameterizedTest(name = "HttpClient 5: {0}")
    @ValueSource(booleans = {true, false})
    void aHangingEngineIsA503AfterTheReadTimeoutAndASaturatedOneAtOnce(boolean httpComponents) throws Exception {
        try (HangingEngine silent = new HangingEngine()) {
            CerbosSettings settings = settings(silent.url(), 1);
            CerbosResourceAuthorizer hanging = new CerbosResourceAuthorizer(settings,
                    CerbosRequestFactories.of(settings, httpComponents));
            CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> {
                try {
                    hanging.check(user("ann", "acme"), SHARED, "read");
                    return null;
                }
                catch (RuntimeException failure) {
                    return failure;
                }
            });
            silent.awaitHeld(1);

            assertUnavailable(() -> hanging.check(user("ann", "acme"), SHARED, "read"), "resource_engine_saturated");
            assertThat(first.get()).isInstanceOfSatisfying(AuthUnavailableException.class,
                    refused -> assertThat(refused.reason()).isEqualTo("resource_engine_unavailable"));
            hanging.close();
        }
    }

    private static List<String> allowed(AuthenticatedUser user, Resource resource) {
        List<String> allowed = new ArrayList<>();
        for (ResourceDecision decision : authorizer.checkAll(user, List.of(resource), List.of("read", "update",
                "delete"))) {
            if (decision.allowed()) {
                allowed.add(decision.action());
            }
        }
        return allowed;
    }

    private static void assertUnavailable(ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuthUnavailableException.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    private static CerbosSettings settings(URI url, int maxConcurrentRequests) {
        return new CerbosSettings(url, Duration.ofMillis(250), Duration.ofSeconds(1), maxConcurrentRequests, false,
                List.of("user"), List.of("email"));
    }

    private static AuthenticatedUser user(String subject, String tenant) {
        return AuthenticatedUser.builder(subject, "jwt").tenant(tenant).build();
    }

    private static AuthenticatedUser admin(String subject, String tenant) {
        return AuthenticatedUser.builder(subject, "jwt").tenant(tenant).permissions(Set.of("tenant:admin")).build();
    }

    private static Resource document(String id, String tenant, String owner, List<String> sharedWith,
            String status) {
        return new Resource("document", id, Map.of("tenant", tenant, "owner", owner, "sharedWith", sharedWith,
                "status", status));
    }
}
