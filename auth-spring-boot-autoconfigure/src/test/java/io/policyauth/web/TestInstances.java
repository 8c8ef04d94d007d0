package io.policyauth.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Application instances on free ports, as load-balanced replicas of one service; all closed at the end. */
public final class TestInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /**
     * @param application the configuration class
     * @param properties the instance's properties
     * @return the running instance
     */
    public ConfigurableApplicationContext start(Class<?> application, String... properties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).properties("server.port=0")
                .properties(properties).run();
        running.add(context);
        return context;
    }

    /**
     * @param context a running instance
     * @return a client of its port
     */
    public static HttpTestClient client(ConfigurableApplicationContext context) {
        return new HttpTestClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }
}
