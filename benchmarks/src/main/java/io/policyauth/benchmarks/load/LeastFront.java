package io.policyauth.benchmarks.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The least any policy front does for a granted request, a yardstick beside policy-auth's on
 * {@link #PATH} (the baseline's handler, exempt from policy-auth): it finds the handler's policy in
 * a map, reads the clock around the decision and records a counter and a timer as
 * {@code DecisionMetrics} does, and hands the caller to the handler in a request attribute. No
 * request context, no listener, no credential: what a front costs before it checks anything.
 */
final class LeastFront {

    /** The endpoint behind the least front. */
    static final String PATH = "/plain/fronted";

    private static final String CALLER_ATTRIBUTE = LeastFront.class.getName() + ".caller";
    private static final String CALLER = "anonymous";

    private final Map<Object, String> policies = new ConcurrentHashMap<>();
    private final DecisionMeters meters;

    LeastFront(MeterRegistry registry) {
        this.meters = new DecisionMeters(registry, "load.front");
    }

    /* The handler's policy looked up as a front looks it up (once per handler, then from the map), and metered. */
    private void grant(Object handler) {
        long start = System.nanoTime();
        policies.computeIfAbsent(handler, key -> "public");
        meters.recordSince(start);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletLeastFront implements WebMvcConfigurer {

        private final LeastFront front;

        ServletLeastFront(MeterRegistry meters) {
            this.front = new LeastFront(meters);
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                    front.grant(handler);
                    request.setAttribute(CALLER_ATTRIBUTE, CALLER);
                    return true;
                }
            }).addPathPatterns(PATH);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class ReactiveLeastFront {

        /* A web filter knows no handler yet: the path stands for it, as a route rule's would. */
        @Bean
        WebFilter leastFrontFilter(MeterRegistry meters) {
            LeastFront front = new LeastFront(meters);
            return (exchange, chain) -> {
                String path = exchange.getRequest().getPath().value();
                if (PATH.equals(path)) {
                    front.grant(path);
                    exchange.getAttributes().put(CALLER_ATTRIBUTE, CALLER);
                }
                return chain.filter(exchange);
            };
        }
    }
}
