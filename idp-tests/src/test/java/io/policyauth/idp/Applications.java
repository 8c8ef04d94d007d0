package io.policyauth.idp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;

/** The configurations the tests start. */
final class Applications {

    private Applications() {
    }

    /** Spring Authorization Server on its Boot defaults, as a team would run it. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AuthorizationServer {
    }

    /** The application under test; Spring Security is on this class path only for the server. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        SecurityFilterChain letPolicyAuthDecide(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable()).build();
        }

        @RestController
        static class Orders {

            @GetMapping("/orders")
            @RequiresPolicy(value = "private", scopes = "orders.read")
            String read(AuthenticatedUser user) {
                return user.subject() + " " + user.scopes();
            }

            @GetMapping("/orders/write")
            @RequiresPolicy(value = "private", scopes = "orders.write")
            String write() {
                return "written";
            }
        }
    }

    /** An endpoint for one issuer of several. */
    @RestController
    static class OnlyA {

        @GetMapping("/only-a")
        @RequiresPolicy("private:a")
        String onlyA() {
            return "a";
        }
    }
}
