package io.policyauth.test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import io.policyauth.apikey.SharedApiKeyExecutor;
import io.policyauth.autoconfigure.apikey.ApiKeyProperties;
import io.policyauth.network.IpAddresses;

/**
 * Credentials for a {@code WebTestClient} bound to the application context (a
 * {@code @WebFluxTest}, or {@code WebTestClient.bindToApplicationContext}), to import statically as
 * the {@code MockMvc} ones of {@link PolicyAuthRequestPostProcessors}:
 *
 * <pre>{@code
 * client.mutateWith(bearerToken().scopes("orders:write")).post().uri("/orders").exchange();
 * client.mutateWith(apiKey("a-configured-key")).get().uri("/reports").exchange();
 * client.mutateWith(remoteAddress("10.0.0.7")).get().uri("/metrics").exchange();
 * }</pre>
 *
 * Each adds a web filter ahead of the application's, so a client bound to a running server (which
 * has none) is refused: send {@link TestTokens} tokens as headers there.
 */
public final class PolicyAuthWebTestClientConfigurers {

    private PolicyAuthWebTestClientConfigurers() {
    }

    /**
     * @return a real bearer token, verified by the application's {@code private} policy as configured
     */
    public static BearerTokenConfigurer bearerToken() {
        return new BearerTokenConfigurer();
    }

    /**
     * @param key an API key
     * @return the key in the header the key policies read ({@code policy-auth.api-key.header-name})
     */
    public static WebTestClientConfigurer apiKey(String key) {
        Objects.requireNonNull(key, "key");
        return configurer((exchange, context) -> {
            ApiKeyProperties properties = context.getBeanProvider(ApiKeyProperties.class).getIfAvailable();
            String header = properties == null ? SharedApiKeyExecutor.DEFAULT_HEADER_NAME : properties.getHeaderName();
            return exchange.mutate().request(request -> request.header(header, key)).build();
        });
    }

    /**
     * @param address an IP address literal
     * @return the request coming from that address, the client address that {@code internal} sees
     *         when no trusted proxy is in between
     */
    public static WebTestClientConfigurer remoteAddress(String address) {
        InetSocketAddress peer = new InetSocketAddress(literal(address), 40000);
        return configurer((exchange, context) -> exchange.mutate().request(new ServerHttpRequestDecorator(
                exchange.getRequest()) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return peer;
            }
        }).build());
    }

    /**
     * @param chain a TLS client certificate chain, the client's own first
     * @return the request arriving over TLS with that certificate, as the {@code client_certificate}
     *         policy and certificate-bound tokens (RFC 8705) read it
     */
    public static WebTestClientConfigurer clientCertificate(X509Certificate... chain) {
        X509Certificate[] presented = ClientCertificates.require(chain);
        SslInfo tls = new SslInfo() {
            @Override
            public @Nullable String getSessionId() {
                return null;
            }

            @Override
            public X509Certificate[] getPeerCertificates() {
                return presented.clone();
            }
        };
        return configurer((exchange, context) -> exchange.mutate().request(request -> request.sslInfo(tls)).build());
    }

    /* Parsed, never looked up. */
    private static InetAddress literal(String address) {
        byte @Nullable [] bytes = IpAddresses.parse(Objects.requireNonNull(address, "address"));
        if (bytes == null) {
            throw new IllegalArgumentException("Not an IP address literal: " + address);
        }
        try {
            return InetAddress.getByAddress(bytes);
        }
        catch (UnknownHostException impossible) {
            throw new IllegalArgumentException("Not an IP address literal: " + address, impossible);
        }
    }

    private static WebTestClientConfigurer configurer(
            BiFunction<ServerWebExchange, ApplicationContext, ServerWebExchange> change) {
        return new ExchangeChanging(change);
    }

    /** A bearer token signed for the application; see {@link TestTokens}. */
    public static final class BearerTokenConfigurer extends BearerTokenSpec<BearerTokenConfigurer>
            implements WebTestClientConfigurer {

        BearerTokenConfigurer() {
        }

        @Override
        public void afterConfigurerAdded(WebTestClient.Builder builder,
                @Nullable WebHttpHandlerBuilder httpHandlerBuilder, @Nullable ClientHttpConnector connector) {
            configurer((exchange, context) -> {
                String token = context.getBean(TestTokens.class).sign(tokenRequest());
                // A client bound to the context may send a relative URI; a server always sees a whole one.
                URI url = exchange.getRequest().getURI().getHost() != null ? exchange.getRequest().getURI()
                        : URI.create("http://localhost").resolve(exchange.getRequest().getURI());
                Map<String, String> headers = headers(token, exchange.getRequest().getMethod().name(), url);
                return exchange.mutate().request(request -> request.uri(url)
                        .headers(all -> headers.forEach(all::set))).build();
            }).afterConfigurerAdded(builder, httpHandlerBuilder, connector);
        }
    }

    /* Changes each exchange first of all web filters, with the application context at hand. */
    private record ExchangeChanging(BiFunction<ServerWebExchange, ApplicationContext, ServerWebExchange> change)
            implements WebTestClientConfigurer {

        @Override
        public void afterConfigurerAdded(WebTestClient.Builder builder,
                @Nullable WebHttpHandlerBuilder httpHandlerBuilder, @Nullable ClientHttpConnector connector) {
            if (httpHandlerBuilder == null) {
                throw new IllegalStateException("policy-auth's WebTestClient configurers work on a client bound to "
                        + "the application context (@WebFluxTest, WebTestClient.bindToApplicationContext); against a "
                        + "running server, send a TestTokens token or the key as a header");
            }
            WebFilter filter = (exchange, chain) -> {
                ApplicationContext context = exchange.getApplicationContext();
                if (context == null) {
                    throw new IllegalStateException("This exchange has no application context: bind the WebTestClient "
                            + "with WebTestClient.bindToApplicationContext");
                }
                return chain.filter(change.apply(exchange, context));
            };
            httpHandlerBuilder.filters(filters -> filters.add(0, filter));
        }
    }
}
