package io.policyauth.audit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.DecisionListener;

/**
 * Publishes every decision as a Spring application event, for the application's
 * {@code @EventListener} methods. The event's type is resolved once rather than per decision.
 */
public class ApplicationEventDecisionPublisher implements DecisionListener {

    private final ApplicationEventPublisher publisher;

    /**
     * @param publisher the application's event publisher
     */
    public ApplicationEventDecisionPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
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
