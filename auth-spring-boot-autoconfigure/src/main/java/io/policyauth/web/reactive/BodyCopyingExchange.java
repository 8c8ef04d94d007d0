package io.policyauth.web.reactive;

import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;

import io.policyauth.web.ContentTypes;

/**
 * An exchange whose request body a policy may copy. A form post's fields are parsed from the
 * request handed to the handler, never from the server's own body: once a policy has read the
 * body, the server's stream has no second reader, and a policy must see what the handler gets.
 */
final class BodyCopyingExchange extends ServerWebExchangeDecorator {

    private static final ResolvableType FORM_DATA = ResolvableType.forClassWithGenerics(MultiValueMap.class,
            String.class, String.class);

    private final BodyCopyingServerRequest request;
    private final Mono<MultiValueMap<String, String>> formData;

    BodyCopyingExchange(ServerWebExchange exchange, BodyCopyingServerRequest request, FormHttpMessageReader forms) {
        super(exchange);
        this.request = request;
        this.formData = Mono.defer(() -> request.copied() && isForm()
                ? forms.readMono(FORM_DATA, request, Map.of()) : exchange.getFormData()).cache();
    }

    @Override
    public BodyCopyingServerRequest getRequest() {
        return request;
    }

    @Override
    public Mono<MultiValueMap<String, String>> getFormData() {
        return formData;
    }

    private boolean isForm() {
        return ContentTypes.is(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), ContentTypes.FORM);
    }
}
