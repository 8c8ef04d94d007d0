package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

class AuthServiceTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<AuthDecisionEvent> events = new CopyOnWriteArrayList<>();
    private final StoppedObservations observations = new StoppedObservations();

    private final AuthExecutor alice = executor("alice_policy",
            context -> AuthenticatedUser.builder("alice", "test").tokenId("k-1").tenant("acme").build());
    private final AuthExecutor refusing = executor("refusing", context -> {
        throw new ForbiddenException("not_you", "No.", List.of());
    });
    private final AuthService service = service(ObservationRegistry.NOOP);

    @Test
    void aGrantIsReturnedCountedAndToldToEveryListenerWithTheResolvedClient() {
        AuthenticatedUser user = service.authorize(request(), alice);

        assertThat(user.subject()).isEqualTo("alice");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(Outcome.GRANTED);
            assertThat(event.reason()).isNull();
            assertThat(event.subject()).isEqualTo("alice");
            assertThat(event.credentialId()).isEqualTo("k-1");
            assertThat(event.tenant()).isEqualTo("acme");
            assertThat(event.clientAddress()).isEqualTo("198.51.100.7");
            assertThat(event.path()).isEqualTo("/orders");
            assertThat(event.time()).isEqualTo(NOW);
        });
        assertThat(meters.get(DecisionMetrics.DECISIONS).tags("policy", "alice_policy", "outcome", "granted")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aDenialIsRethrownAndRecordedWithTheOutcomeItsKindCarries() {
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> service.authorize(request(), refusing));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(Outcome.FORBIDDEN);
            assertThat(event.reason()).isEqualTo("not_you");
            assertThat(event.subject()).isNull();
        });
    }

    @Test
    void dryRunLetsTheRequestProceedAsAnonymousAndRecordsWouldDeny() {
        Decision decision = service.decide(request(), refusing, Enforcement.DRY_RUN);

        assertThat(decision).isInstanceOfSatisfying(Decision.Granted.class,
                granted -> assertThat(granted.user().isAnonymous()).isTrue());
        assertThat(events).extracting(AuthDecisionEvent::outcome).containsExactly(Outcome.WOULD_DENY);
    }

    @Test
    void aDecisionIsAGrantADenialOrAFailureNeverAnException() {
        AuthExecutor throwing = executor("throwing", context -> {
            throw new IllegalArgumentException("a bug");
        });

        assertThat(service.decide(request(), alice, Enforcement.ENFORCE)).isInstanceOfSatisfying(
                Decision.Granted.class, granted -> assertThat(granted.user().subject()).isEqualTo("alice"));
        assertThat(service.decide(request(), refusing, Enforcement.ENFORCE)).isInstanceOfSatisfying(
                Decision.Denied.class, denied -> assertThat(denied.denial().reason()).isEqualTo("not_you"));
        assertThat(service.decide(request(), throwing, Enforcement.ENFORCE)).isInstanceOfSatisfying(
                Decision.Failed.class, failed -> assertThat(failed.failure()).hasMessage("a bug"));
        assertThat(events).extracting(AuthDecisionEvent::outcome).containsExactly(Outcome.GRANTED,
                Outcome.FORBIDDEN, Outcome.ERROR);
    }

    @Test
    void anExecutorBugIsAnErrorDecisionAndRethrown() {
        AuthExecutor noUser = executor("buggy", context -> null);

        assertThatIllegalStateException().isThrownBy(() -> service.authorize(request(), noUser))
                .withMessageContaining("buggy");
        assertThat(events).extracting(AuthDecisionEvent::outcome, AuthDecisionEvent::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.ERROR, "executor_failure"));
    }

    @Test
    void aFailingListenerChangesNothing() {
        DecisionListener broken = decision -> {
            throw new IllegalStateException("listener bug");
        };
        AuthService withBrokenListener = new AuthService(registry(), List.of(broken, events::add),
                ClientAddressSource.PEER, Clock.fixed(NOW, ZoneOffset.UTC), null);

        assertThat(withBrokenListener.authorize(request(), alice).subject()).isEqualTo("alice");
        assertThat(events).hasSize(1);
    }

    @Test
    void aDecisionNoListenerWantsIsCountedAndBuildsNoEvent() {
        List<String> clientsResolved = new CopyOnWriteArrayList<>();
        ClientAddressSource counting = context -> {
            clientsResolved.add(context.remoteAddress());
            return context.remoteAddress();
        };
        DecisionListener deniesOnly = new DecisionListener() {
            @Override
            public boolean wants(Outcome outcome, AuthenticatedUser caller) {
                return outcome != Outcome.GRANTED;
            }

            @Override
            public void onDecision(AuthDecisionEvent decision) {
                events.add(decision);
            }
        };
        AuthService selective = new AuthService(registry(), List.of(new DecisionMetrics(meters), deniesOnly),
                counting, Clock.fixed(NOW, ZoneOffset.UTC), null);

        selective.authorize(request(), alice);

        assertThat(meters.get(DecisionMetrics.DECISIONS).tag("policy", "alice_policy")
                .tag("outcome", Outcome.GRANTED.tag()).counter().count()).isEqualTo(1);
        assertThat(events).isEmpty();
        assertThat(clientsResolved).isEmpty();

        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> selective.authorize(request(), refusing));

        assertThat(events).singleElement().satisfies(denial -> {
            assertThat(denial.reason()).isEqualTo("not_you");
            assertThat(denial.clientAddress()).isEqualTo("10.0.0.1");
        });
        assertThat(meters.get(DecisionMetrics.REFUSALS).tag("reason", "not_you").counter().count()).isEqualTo(1);
    }

    @Test
    void withAnObservationRegistryEveryDecisionIsAnObservation() {
        AuthService observing = service(observations.registry());

        observing.authorize(request(), alice);
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> observing.authorize(request(), refusing));

        List<Observation.Context> stopped = observations.stopped();
        assertThat(stopped).extracting(Observation.Context::getName).containsOnly(AuthService.OBSERVATION);
        assertThat(stopped).extracting(context -> context.getLowCardinalityKeyValue("policy").getValue() + "/"
                + context.getLowCardinalityKeyValue("outcome").getValue())
                .containsExactly("alice_policy/granted", "refusing/forbidden");
        assertThat(events).hasSize(2);
    }

    @Test
    void severalNamesResolveToAnAnyOfNamedAfterThem() {
        AuthExecutor either = service.resolve(List.of("refusing", "alice_policy"));

        assertThat(either.policy()).isEqualTo("refusing|alice_policy");
        assertThat(either.describe().kind()).isEqualTo("any-of");
        assertThat(service.authorize(request(), either).subject()).isEqualTo("alice");
        assertThat(service.resolve(List.of("alice_policy"))).isSameAs(alice);
    }

    private AuthService service(ObservationRegistry observations) {
        ClientAddressSource behindProxy = context -> "198.51.100.7";
        return new AuthService(registry(), List.of(new DecisionMetrics(meters), events::add), behindProxy,
                Clock.fixed(NOW, ZoneOffset.UTC), observations);
    }

    private AuthExecutorRegistry registry() {
        return new AuthExecutorRegistry(List.of(alice, refusing), Map.of());
    }

    private static SecurityRequestContext request() {
        return SecurityRequestContext.builder("10.0.0.1", RequestHeaders.of(Map.of()), "GET", "/orders").build();
    }

    private static AuthExecutor executor(String name, java.util.function.Function<SecurityRequestContext, AuthenticatedUser> body) {
        return new AuthExecutor() {
            @Override
            public String policy() {
                return name;
            }

            @Override
            public AuthenticatedUser execute(SecurityRequestContext context) {
                return body.apply(context);
            }
        };
    }
}
