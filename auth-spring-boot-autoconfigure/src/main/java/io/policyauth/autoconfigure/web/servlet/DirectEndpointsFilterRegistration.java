package io.policyauth.autoconfigure.web.servlet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import io.policyauth.web.DirectEndpoints;
import io.policyauth.web.servlet.ServletDirectEndpointsFilter;
import io.policyauth.web.servlet.ServletResponseWriter;

/** Registers the servlet filter that answers policy-auth's own endpoints before Spring MVC. */
public final class DirectEndpointsFilterRegistration {

    private DirectEndpointsFilterRegistration() {
    }

    /**
     * @param name the filter's name
     * @param endpoints what the endpoints answer
     * @param writer the application's response writer, if it has its own
     * @param order where the filter stands among the container's filters
     * @param urlPatterns the paths the endpoints answer
     * @return the registration
     */
    public static FilterRegistrationBean<ServletDirectEndpointsFilter> of(String name, DirectEndpoints endpoints,
            ObjectProvider<ServletResponseWriter> writer, int order, String... urlPatterns) {
        FilterRegistrationBean<ServletDirectEndpointsFilter> registration = new FilterRegistrationBean<>(
                new ServletDirectEndpointsFilter(endpoints, writer.getIfAvailable(ServletResponseWriter::new)));
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(order);
        registration.setName(name);
        return registration;
    }
}
