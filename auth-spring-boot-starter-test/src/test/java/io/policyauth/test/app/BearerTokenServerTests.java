package io.policyauth.test.app;

import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@code TestTokens} against the whole application on a random port, with each key source. */
class BearerTokenServerTests {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("hs")
    class HmacSecret extends BearerTokenServerContract {
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("rsa")
    class RsaPublicKey extends BearerTokenServerContract {
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("ec")
    class EcPublicKey extends BearerTokenServerContract {
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("jwks")
    class JwkSet extends BearerTokenServerContract {
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("oidc")
    class IssuerUri extends BearerTokenServerContract {
    }
}
