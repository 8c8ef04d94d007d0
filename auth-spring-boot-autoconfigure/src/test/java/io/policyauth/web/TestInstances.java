package io.policyauth.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Application instances on free ports, as load-balanced replicas of one service; all closed at the
 * end. With the system property {@value #STACK} set to {@code reactive} they run on WebFlux: that
 * is how {@code webflux-tests} runs this module's gateway suites on Reactor Netty.
 */
public final class TestInstances implements AutoCloseable {

    /** The system property naming the web stack the instances run on. */
    public static final String STACK = "policyauth.test.stack";

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /**
     * @param application the configuration class
     * @param properties the instance's properties
     * @return the running instance
     */
    public ConfigurableApplicationContext start(Class<?> application, String... properties) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application);
        if ("reactive".equals(System.getProperty(STACK))) {
            builder.web(WebApplicationType.REACTIVE).initializers(TestInstances::ownReactorResources);
        }
        ConfigurableApplicationContext context = builder.properties("server.port=0").properties(properties).run();
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

    /*
     * Reactor Netty's resources are global by default, so closing one instance would stop the
     * servers of all others: each instance gets its own, as Spring Boot's test support does.
     */
    private static void ownReactorResources(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean.getClass().getName().equals("org.springframework.http.client.ReactorResourceFactory")) {
                    new BeanWrapperImpl(bean).setPropertyValue("useGlobalResources", false);
                }
                return bean;
            }
        });
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }
}
