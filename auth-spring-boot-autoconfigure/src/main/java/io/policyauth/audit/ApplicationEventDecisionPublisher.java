package io.policyauth.audit;

import org.springframework.context.ApplicationEventPublisher;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.DecisionListener;

/** Publishes every decision as a Spring application event, for {@code @EventListener} methods. */
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
        publisher.publishEvent(decision);
    }
}
