package io.policyauth.openapi.app;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.policyauth.resource.ResourceAttributes;

/** A user's application with springdoc, as the OpenAPI tests see it. */
@SpringBootApplication
public class ShopApplication {

    /** The catalog's products, for resource rules on the catalog routes. */
    @Bean
    ResourceAttributes products() {
        return ResourceAttributes.of("product", id -> Optional.of(Map.<String, Object>of("sku", id)));
    }
}
