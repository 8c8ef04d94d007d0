package io.policyauth.test;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

import jakarta.servlet.ServletContext;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import io.policyauth.apikey.SharedApiKeyExecutor;
import io.policyauth.autoconfigure.apikey.ApiKeyProperties;

/**
 * Credentials for {@code MockMvc} and {@code MockMvcTester} requests, to import statically as Spring
 * Security's {@code SecurityMockMvcRequestPostProcessors}:
 *
 * <pre>{@code
 * mvc.perform(post("/orders").with(bearerToken().scopes("orders:write")));
 * mvc.perform(get("/reports").with(apiKey("a-configured-key")));
 * mvc.perform(get("/metrics").with(remoteAddress("10.0.0.7")));
 * mvc.perform(get("/orders").with(policyUser("alice").scopes("orders:read")));
 * }</pre>
 */
public final class PolicyAuthRequestPostProcessors {

    private PolicyAuthRequestPostProcessors() {
    }

    /**
     * @return a real bearer token, verified by the application's {@code private} policy as configured
     */
    public static BearerTokenRequestPostProcessor bearerToken() {
        return new BearerTokenRequestPostProcessor();
    }

    /**
     * @param key an API key
     * @return the key in the header the key policies read ({@code policy-auth.api-key.header-name})
     */
    public static RequestPostProcessor apiKey(String key) {
        Objects.requireNonNull(key, "key");
        return request -> {
            ApiKeyProperties properties = context(request).getBeanProvider(ApiKeyProperties.class).getIfAvailable();
            request.addHeader(properties == null ? SharedApiKeyExecutor.DEFAULT_HEADER_NAME
                    : properties.getHeaderName(), key);
            return request;
        };
    }

    /**
     * @param address an IP address literal
     * @return the request coming from that address, the client address that {@code internal} sees
     *         when no trusted proxy is in between
     */
    public static RequestPostProcessor remoteAddress(String address) {
        Objects.requireNonNull(address, "address");
        return request -> {
            request.setRemoteAddr(address);
            request.setRemoteHost(address);
            return request;
        };
    }

    /**
     * @param chain a TLS client certificate chain, the client's own first
     * @return the request arriving over TLS with that certificate, as the {@code client_certificate}
     *         policy and certificate-bound tokens (RFC 8705) read it
     */
    public static RequestPostProcessor clientCertificate(X509Certificate... chain) {
        X509Certificate[] presented = ClientCertificates.require(chain);
        return request -> {
            request.setSecure(true);
            request.setAttribute(ClientCertificates.SERVLET_ATTRIBUTE, presented.clone());
            return request;
        };
    }

    /**
     * @param subject who the caller is
     * @return a user that answers the credential check of the endpoint's policy, whatever it is; the
     *         scopes and roles it requires are still checked against the user
     */
    public static PolicyUserRequestPostProcessor policyUser(String subject) {
        return new PolicyUserRequestPostProcessor().subject(subject);
    }

    private static WebApplicationContext context(MockHttpServletRequest request) {
        ServletContext servletContext = request.getServletContext();
        WebApplicationContext context = WebApplicationContextUtils.findWebApplicationContext(servletContext);
        if (context == null) {
            throw new IllegalStateException("No WebApplicationContext for this request: build MockMvc from the "
                    + "test's application context (@WebMvcTest, @AutoConfigureMockMvc or MockMvcBuilders."
                    + "webAppContextSetup)");
        }
        return context;
    }

    /** A bearer token signed for the application; see {@link TestTokens}. */
    public static final class BearerTokenRequestPostProcessor extends BearerTokenSpec<BearerTokenRequestPostProcessor>
            implements RequestPostProcessor {

        BearerTokenRequestPostProcessor() {
        }

        @Override
        public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
            String token = context(request).getBean(TestTokens.class).sign(tokenRequest());
            headers(token, request.getMethod(), URI.create(request.getRequestURL().toString()))
                    .forEach(request::addHeader);
            return request;
        }
    }

    /** A {@link PolicyUser} for one request. */
    public static final class PolicyUserRequestPostProcessor extends IdentitySpec<PolicyUserRequestPostProcessor>
            implements RequestPostProcessor {

        PolicyUserRequestPostProcessor() {
        }

        @Override
        public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
            request.setAttribute(PolicyUsers.REQUEST_ATTRIBUTE, identity());
            return request;
        }
    }
}
