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
        return new ResourceAttributes() {

            @Override
            public String kind() {
                return "product";
            }

            @Override
            public Optional<Map<String, Object>> load(String id) {
                return Optional.of(Map.of("sku", id));
            }
        };
    }
}
