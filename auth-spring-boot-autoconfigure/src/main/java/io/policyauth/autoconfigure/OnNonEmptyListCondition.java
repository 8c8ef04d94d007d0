package io.policyauth.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnNonEmptyList}. Binds the property the way
 * {@code @ConfigurationProperties} will, so the condition and the bound list never disagree.
 */
class OnNonEmptyListCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String name = (String) metadata.getAnnotationAttributes(ConditionalOnNonEmptyList.class.getName())
                .get("value");
        int size = Binder.get(context.getEnvironment())
                .bind(name, Bindable.listOf(String.class))
                .map(List::size)
                .orElse(0);
        ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnNonEmptyList.class, name);
        return size > 0 ? ConditionOutcome.match(message.because("has " + size + " element(s)"))
                : ConditionOutcome.noMatch(message.because("is empty or not set"));
    }
}
