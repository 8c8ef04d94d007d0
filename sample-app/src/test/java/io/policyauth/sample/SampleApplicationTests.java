package io.policyauth.sample;

import org.springframework.boot.test.context.SpringBootTest;

import io.policyauth.sample.shared.SampleWalkthroughContract;

/** The README's walk-through, against the Spring MVC sample on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests extends SampleWalkthroughContract {
}
