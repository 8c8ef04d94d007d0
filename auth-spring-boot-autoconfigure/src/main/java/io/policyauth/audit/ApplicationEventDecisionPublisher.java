package io.policyauth.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DecisionListener;
import io.policyauth.core.Outcome;

/**
 * Publishes every decision as a Spring application event, for the application's
 * {@code @EventListener} methods. The event's type is resolved once rather than per decision, and a
 * decision no listener of the context would receive is not published (nor its event built).
 */
public class ApplicationEventDecisionPublisher implements DecisionListener {

    private final ApplicationEventPublisher publisher;
    private final @Nullable ApplicationEventSubscribers subscribers;

    /**
     * @param publisher the application's event publisher: the application context, whose listeners
     *        are then looked at to publish only what one receives; any other publisher is given
     *        every decision
     */
    public ApplicationEventDecisionPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.subscribers = ApplicationEventSubscribers.of(publisher, DecisionApplicationEvent.TYPE,
                ApplicationEventDecisionPublisher.class);
    }

    @Override
    public boolean wants(Outcome outcome, @Nullable AuthenticatedUser caller) {
        return subscribers == null || subscribers.any();
    }

    @Override
    public void onDecision(AuthDecisionEvent decision) {
        publisher.publishEvent(new DecisionApplicationEvent(this, decision));
    }

    /*
     * A payload event whose type is a constant: PayloadApplicationEvent builds its generic type anew
     * for every event, and the context asks for it on every publication (a third of the cost of
     * publishing to no listener, under load).
     */
    private static final class DecisionApplicationEvent extends PayloadApplicationEvent<AuthDecisionEvent> {

        private static final ResolvableType TYPE = ResolvableType.forClass(DecisionApplicationEvent.class);
        private static final ResolvableType PAYLOAD_TYPE = ResolvableType.forClass(AuthDecisionEvent.class);

        DecisionApplicationEvent(Object source, AuthDecisionEvent decision) {
            super(source, decision, PAYLOAD_TYPE);
        }

        @Override
        public ResolvableType getResolvableType() {
            return TYPE;
        }
    }
}
