package io.policyauth.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's application, as the test support's tests see it. */
@SpringBootApplication
public class OrdersApplication {
}
