package io.policyauth.sample.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sample API of {@code sample-app}, reactive: the same endpoints, policies and walk-through. */
@SpringBootApplication(scanBasePackages = {"io.policyauth.sample.webflux", "io.policyauth.sample.shared"})
public class SampleWebFluxApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleWebFluxApplication.class, args);
    }
}
