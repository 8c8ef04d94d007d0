package io.policyauth.test.app;

import org.junit.jupiter.api.Nested;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;

/** {@code bearerToken()} in slices of applications with each key source. */
class BearerTokenSliceTests {

    @Nested
    @WebMvcTest(OrderController.class)
    @ActiveProfiles("hs")
    class HmacSecret extends BearerTokenSliceContract {
    }

    @Nested
    @WebMvcTest(OrderController.class)
    @ActiveProfiles("rsa")
    class RsaPublicKey extends BearerTokenSliceContract {
    }

    @Nested
    @WebMvcTest(OrderController.class)
    @ActiveProfiles("ec")
    class EcPublicKey extends BearerTokenSliceContract {
    }

    @Nested
    @WebMvcTest(OrderController.class)
    @ActiveProfiles("jwks")
    class JwkSet extends BearerTokenSliceContract {
    }

    @Nested
    @WebMvcTest(OrderController.class)
    @ActiveProfiles("oidc")
    class IssuerUri extends BearerTokenSliceContract {
    }
}
