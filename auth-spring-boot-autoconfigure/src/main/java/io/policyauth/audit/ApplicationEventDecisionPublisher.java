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

    private static final ResolvableType PAYLOAD_TYPE = ResolvableType.forClass(AuthDecisionEvent.class);

    private final ApplicationEventPublisher publisher;

    /**
     * @param publisher the application's event publisher
     */
    public ApplicationEventDecisionPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onDecision(AuthDecisionEvent decision) {
        publisher.publishEvent(new PayloadApplicationEvent<>(this, decision, PAYLOAD_TYPE));
    }
}
