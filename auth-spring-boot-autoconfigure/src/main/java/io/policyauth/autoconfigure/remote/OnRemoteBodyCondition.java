package io.policyauth.autoconfigure.remote;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when some remote policy sends request bodies, the only reason to copy them. */
final class OnRemoteBodyCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean needed = RemotePolicies.maxBodyBytes(RemotePolicies.bind(context.getEnvironment())) > 0;
        return needed ? ConditionOutcome.match("a remote policy sets include-body")
                : ConditionOutcome.noMatch("no remote policy sets include-body");
    }
}
