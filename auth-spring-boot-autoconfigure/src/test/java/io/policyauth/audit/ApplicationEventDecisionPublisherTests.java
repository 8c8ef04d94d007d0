package io.policyauth.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.context.DelegatingApplicationListener;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions reach every application listener that takes them, however it was registered and
 * whenever, and cost no event where none would receive one.
 */
class ApplicationEventDecisionPublisherTests {

    private static final AuthDecisionEvent DECISION = new AuthDecisionEvent(Instant.EPOCH, "public", Outcome.GRANTED,
            null, null, null, null, null, null, "127.0.0.1", "GET", "/", Duration.ZERO);

    @Test
    void anEventListenerMethodReceivesEveryDecision() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Recording.class)) {
            deliver(publisher(context));

            assertThat(context.getBean(Recording.class).decisions).containsExactly(DECISION);
        }
    }

    @Test
    void aContextWhoseListenersTakeOtherEventsIsNotPublishedTo() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(OtherEvents.class)) {
            assertThat(publisher(context).wants(Outcome.GRANTED, null)).isFalse();
        }
    }

    @Test
    void springSecuritysDelegatingListenerTakesEveryEventButPassesOnOnlyItsSessionListenersOnes() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
                SpringSecurityListener.class)) {
            assertThat(publisher(context).wants(Outcome.FORBIDDEN, null)).isFalse();
        }
    }

    @Test
    void aListenerAddedAfterTheStartReceivesTheNextDecision() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(OtherEvents.class)) {
            ApplicationEventDecisionPublisher publisher = publisher(context);
            assertThat(publisher.wants(Outcome.GRANTED, null)).isFalse();
            List<Object> everything = new CopyOnWriteArrayList<>();
            ApplicationListener<ApplicationEvent> recorder = event -> everything.add(event);
            context.addApplicationListener(recorder);

            deliver(publisher);

            assertThat(everything).singleElement().isInstanceOfSatisfying(PayloadApplicationEvent.class,
                    event -> assertThat(event.getPayload()).isEqualTo(DECISION));
            context.removeApplicationListener(recorder);
            assertThat(publisher.wants(Outcome.GRANTED, null)).isFalse();
        }
    }

    @Test
    void aLazyListenerBeanIsCountedByItsTypeBeforeItExists() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(LazyListener.class)) {
            ApplicationEventDecisionPublisher publisher = publisher(context);
            assertThat(publisher.wants(Outcome.GRANTED, null)).isTrue();

            deliver(publisher);

            assertThat(context.getBean(DecisionListenerBean.class).decisions).containsExactly(DECISION);
        }
    }

    @Test
    void aChildContextPublishesToItsParentSoAlwaysPublishes() {
        try (AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext(Recording.class);
                GenericApplicationContext child = new GenericApplicationContext(parent)) {
            child.refresh();

            deliver(publisher(child));

            assertThat(parent.getBean(Recording.class).decisions).containsExactly(DECISION);
        }
    }

    private static ApplicationEventDecisionPublisher publisher(GenericApplicationContext context) {
        return new ApplicationEventDecisionPublisher(context);
    }

    /* As AuthService does: the event only for a listener that wants it. */
    private static void deliver(ApplicationEventDecisionPublisher publisher) {
        if (publisher.wants(DECISION.outcome(), null)) {
            publisher.onDecision(DECISION);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Recording {

        final List<AuthDecisionEvent> decisions = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AuthDecisionEvent decision) {
            decisions.add(decision);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherEvents {

        @EventListener
        void on(ContextRefreshedEvent refreshed) {
        }

        @EventListener
        void on(String text) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SpringSecurityListener {

        @Bean
        DelegatingApplicationListener delegatingApplicationListener() {
            return new DelegatingApplicationListener();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyListener {

        @Bean
        @Lazy
        DecisionListenerBean decisionListenerBean() {
            return new DecisionListenerBean();
        }
    }

    static class DecisionListenerBean implements ApplicationListener<PayloadApplicationEvent<AuthDecisionEvent>> {

        final List<AuthDecisionEvent> decisions = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<AuthDecisionEvent> event) {
            decisions.add(event.getPayload());
        }
    }
}
