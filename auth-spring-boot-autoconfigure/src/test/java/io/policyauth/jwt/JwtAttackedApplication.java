package io.policyauth.jwt;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;

/**
 * The application {@link JwtAttacks} is run against, on either web stack: {@code GET /orders}
 * under the default policy {@code private}, with the HS256 secret, issuer and audience of
 * {@link #ARGUMENTS}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
public class JwtAttackedApplication {

    private static final String SECRET = "attack-matrix-secret-0123456789-0123456789";
    private static final String ISSUER = "attack-test";
    private static final String AUDIENCE = "shop-api";

    /** The command-line arguments that configure it (port 0: a free one). */
    public static final String[] ARGUMENTS = {"--server.port=0", "--policy-auth.jwt.secret=" + SECRET,
        "--policy-auth.jwt.issuer=" + ISSUER, "--policy-auth.jwt.audiences=" + AUDIENCE};

    /** The attacks on it. */
    public static final JwtAttacks ATTACKS = new JwtAttacks(SECRET.getBytes(StandardCharsets.UTF_8), ISSUER,
            AUDIENCE);

    @RestController
    static class Orders {

        @GetMapping("/orders")
        String orders(AuthenticatedUser user) {
            return user.subject();
        }
    }
}
