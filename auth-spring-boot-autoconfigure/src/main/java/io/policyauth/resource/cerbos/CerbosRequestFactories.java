package io.policyauth.resource.cerbos;

import java.net.http.HttpClient;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * The HTTP client Cerbos is asked with: Apache HttpClient 5 when the application has it (requests
 * leave in one segment, with {@code TCP_NODELAY}, from a pool as large as the concurrency limit:
 * measured at half the JDK client's cost per check on loopback), else the JDK's. Both fail a request
 * past the connect and read timeouts, and never follow redirects.
 */
final class CerbosRequestFactories {

    private static final String HTTP_COMPONENTS = "org.apache.hc.client5.http.impl.classic.HttpClients";

    private CerbosRequestFactories() {
    }

    static ClientHttpRequestFactory of(CerbosSettings settings) {
        return of(settings, ClassUtils.isPresent(HTTP_COMPONENTS, CerbosRequestFactories.class.getClassLoader()));
    }

    static ClientHttpRequestFactory of(CerbosSettings settings, boolean httpComponents) {
        return httpComponents ? HttpComponents.of(settings) : jdk(settings);
    }

    private static ClientHttpRequestFactory jdk(CerbosSettings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        return requests;
    }

    /* Apart, so that nothing of HttpClient 5 is loaded without it. */
    private static final class HttpComponents {

        static ClientHttpRequestFactory of(CerbosSettings settings) {
            int connections = settings.maxConcurrentRequests();
            ConnectionConfig connection = ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                    .setSocketTimeout(Timeout.of(settings.readTimeout())).build();
            HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(
                    HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                            .setDefaultConnectionConfig(connection).build())
                            .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                            .build());
            requests.setConnectionRequestTimeout(settings.connectTimeout());
            requests.setReadTimeout(settings.readTimeout());
            return requests;
        }
    }
}
