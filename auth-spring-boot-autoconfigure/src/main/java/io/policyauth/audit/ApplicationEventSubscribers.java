package io.policyauth.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Whether any listener of an application context would receive an event of one type: what Spring's
 * multicaster works out for each event it is given, worked out here again only when the context's
 * listeners change (a listener added at any time, such as a test's {@code @RecordApplicationEvents},
 * changes their number), so that an event nobody receives costs nothing to not publish.
 * <p>
 * Conservative wherever it cannot tell: a context with a parent (which is published to as well), a
 * multicaster of the application's own, a listener bean not created yet whose type does not say
 * what it receives, a context not running: all count as a subscriber. The one exception is Spring
 * Security's {@code DelegatingApplicationListener}, which takes every event for its session listeners.
 */
final class ApplicationEventSubscribers {

    /*
     * Takes every event to pass on to the listeners Spring Security gives it (its session registry's,
     * for session events); nothing else gives it any. Counted as a subscriber, it would have any
     * application with Spring Security publish every decision to nobody.
     */
    private static final String SPRING_SECURITY_DELEGATE =
            "org.springframework.security.context.DelegatingApplicationListener";

    private final AbstractApplicationContext context;
    private final ResolvableType eventType;
    private final Class<?> sourceType;
    private volatile Known known = new Known(-1, true);

    private ApplicationEventSubscribers(AbstractApplicationContext context, ResolvableType eventType,
            Class<?> sourceType) {
        this.context = context;
        this.eventType = eventType;
        this.sourceType = sourceType;
    }

    /**
     * @return the subscribers of the context that is this publisher, or {@code null} for another
     *         publisher, whose listeners cannot be seen, and for a context with a parent, whose
     *         listeners are published to as well (a parent is set before the context starts)
     */
    static @Nullable ApplicationEventSubscribers of(ApplicationEventPublisher publisher, ResolvableType eventType,
            Class<?> sourceType) {
        return publisher instanceof AbstractApplicationContext context && context.getParent() == null
                ? new ApplicationEventSubscribers(context, eventType, sourceType) : null;
    }

    /**
     * @return whether publishing the event now may reach a listener
     */
    boolean any() {
        Collection<ApplicationListener<?>> listeners = context.getApplicationListeners();
        int count = listeners.size();
        Known current = known;
        if (current.listeners() == count) {
            return current.any();
        }
        if (!context.isActive()) {
            return true;
        }
        boolean any;
        try {
            any = anyReceives(new ArrayList<>(listeners)) || anyBeanReceives(context.getBeanFactory());
        }
        catch (ConcurrentModificationException changing) {
            return true; // a listener is being added right now: asked again next time
        }
        known = new Known(count, any);
        return any;
    }

    private boolean anyReceives(List<ApplicationListener<?>> listeners) {
        return listeners.stream().anyMatch(this::receives);
    }

    private boolean receives(ApplicationListener<?> listener) {
        if (listener.getClass().getName().equals(SPRING_SECURITY_DELEGATE)) {
            return false;
        }
        GenericApplicationListener generic = listener instanceof GenericApplicationListener known
                ? known : new GenericApplicationListenerAdapter(listener);
        return generic.supportsEventType(eventType) && generic.supportsSourceType(sourceType);
    }

    /*
     * Listener beans are given events by name too: a singleton already created is in the context's
     * set (or, registered by hand, checked here); another is judged by its type.
     */
    private boolean anyBeanReceives(ConfigurableListableBeanFactory beans) {
        Object multicaster = beans.containsLocalBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME)
                ? beans.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME) : null;
        if (multicaster == null || multicaster.getClass() != SimpleApplicationEventMulticaster.class) {
            return true;
        }
        for (String name : beans.getBeanNamesForType(ApplicationListener.class, true, false)) {
            Object singleton = beans.getSingleton(name);
            if (singleton instanceof ApplicationListener<?> listener ? receives(listener) : typeMayReceive(beans, name)) {
                return true;
            }
        }
        return false;
    }

    private boolean typeMayReceive(ConfigurableListableBeanFactory beans, String name) {
        Class<?> type = beans.getType(name, false);
        if (type == null || SmartApplicationListener.class.isAssignableFrom(type)
                || GenericApplicationListener.class.isAssignableFrom(type)) {
            return true;
        }
        ResolvableType declared = ResolvableType.forClass(type).as(ApplicationListener.class).getGeneric();
        return declared.resolve() == null || declared.isAssignableFrom(eventType);
    }

    /* What was worked out for a number of listeners. */
    private record Known(int listeners, boolean any) {
    }
}
