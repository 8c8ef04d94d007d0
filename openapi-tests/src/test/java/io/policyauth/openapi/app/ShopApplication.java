package io.policyauth.openapi.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's application with springdoc, as the OpenAPI tests see it. */
@SpringBootApplication
public class ShopApplication {
}
