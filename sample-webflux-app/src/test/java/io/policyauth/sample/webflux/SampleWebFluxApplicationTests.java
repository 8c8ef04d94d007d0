package io.policyauth.sample.webflux;

import org.springframework.boot.test.context.SpringBootTest;

import io.policyauth.sample.shared.SampleWalkthroughContract;

/** The README's walk-through, against the WebFlux sample on Reactor Netty, on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleWebFluxApplicationTests extends SampleWalkthroughContract {
}
