package io.policyauth.tenant;

import static io.policyauth.tenant.TenantTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.web.HttpTestClient;
import io.policyauth.web.TestInstances;

/**
 * Two instances sharing tenants' roles in MongoDB (the real driver, over the wire): a change made on
 * one is seen by the other within about two refresh intervals, and a store that cannot be read for
 * longer than max-staleness makes decisions 503, never a grant from a stale copy.
 */
class MongoTenancyInstancesTests {

    private static final TenantActor APP = TenantActor.application("test");
    private static final Duration REFRESH = Duration.ofMillis(200);

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private final TestInstances instances = new TestInstances();

    @AfterEach
    void stop() {
        instances.close();
        mongo.close();
    }

    @Test
    void aRoleRemovedOnOneInstanceStopsGrantingOnTheOtherWithinTwoRefreshes() {
        ConfigurableApplicationContext first = instance();
        ConfigurableApplicationContext second = instance();
        TenantRoles roles = first.getBean(TenantRoles.class);
        roles.define(APP, "acme", "billing", Set.of("invoices:read"), null);
        roles.assign(APP, "acme", "bob", Set.of("billing"));
        HttpTestClient a = TestInstances.client(first);
        HttpTestClient b = TestInstances.client(second);
        String bob = token("bob", "acme");
        assertThat(b.get("/tenants/acme/invoices", "Authorization", bob).statusCode()).isEqualTo(200);
        assertThat(second.getBean(TenantRoles.class).member("acme", "bob")).isPresent();

        roles.remove(APP, "acme", "billing");
        long removed = System.nanoTime();

        assertThat(a.get("/tenants/acme/invoices", "Authorization", bob).statusCode()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> b.get("/tenants/acme/invoices", "Authorization", bob).statusCode() == 403);
        Duration seen = Duration.ofNanos(System.nanoTime() - removed);
        // Two refresh intervals and a margin for a busy machine: an outdated cache would never catch up.
        assertThat(seen).as("seen on the other instance after %s", seen).isLessThan(REFRESH.multipliedBy(2)
                .plusSeconds(1));
    }

    @Test
    void aStoreUnreadableForLongerThanMaxStalenessGives503NeverAStaleGrant() {
        ConfigurableApplicationContext first = instance();
        TenantRoles roles = first.getBean(TenantRoles.class);
        roles.define(APP, "acme", "billing", Set.of("invoices:read"), null);
        roles.assign(APP, "acme", "bob", Set.of("billing"));
        HttpTestClient a = TestInstances.client(first);
        String bob = token("bob", "acme");
        assertThat(a.get("/tenants/acme/invoices", "Authorization", bob).statusCode()).isEqualTo(200);

        mongo.stop();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> a.get("/tenants/acme/invoices", "Authorization", bob).statusCode() == 503);
        for (int i = 0; i < 5; i++) {
            assertThat(a.get("/tenants/acme/invoices", "Authorization", bob).statusCode()).isEqualTo(503);
        }
        mongo.restart();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> a.get("/tenants/acme/invoices", "Authorization", bob).statusCode() == 200);
    }

    private ConfigurableApplicationContext instance() {
        return instances.start(TenancyTestApplication.class, "spring.mongodb.uri=" + mongo.connectionString(),
                "policy-auth.jwt.secret=" + TenantTokens.SECRET,
                "policy-auth.api-key.shared-keys=" + TenantTokens.SHARED_KEY, "policy-auth.tenancy.enabled=true",
                "policy-auth.tenancy.store=mongo", "policy-auth.tenancy.refresh-interval=" + REFRESH.toMillis() + "ms",
                "policy-auth.tenancy.max-staleness=1s");
    }
}
