package io.policyauth.remote;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthenticatedUser;
import io.policyauth.web.RequiresPolicy;

/** An API whose endpoints each use one remote policy, named like the endpoint. */
@SpringBootConfiguration
@EnableAutoConfiguration
class RemoteTestApplication {

    @RestController
    static class Endpoints {

        @GetMapping("/gateway")
        @RequiresPolicy("gateway")
        Map<String, Object> gateway(AuthenticatedUser user) {
            return describe(user);
        }

        @GetMapping("/exposed")
        @RequiresPolicy("exposed")
        Map<String, Object> exposed(AuthenticatedUser user) {
            return describe(user);
        }

        @GetMapping("/admins")
        @RequiresPolicy("admins")
        Map<String, Object> admins(AuthenticatedUser user) {
            return describe(user);
        }

        @GetMapping("/cached")
        @RequiresPolicy("cached")
        Map<String, Object> cached(AuthenticatedUser user) {
            return describe(user);
        }

        @GetMapping("/slow")
        @RequiresPolicy("slow")
        Map<String, Object> slow(AuthenticatedUser user) {
            return describe(user);
        }

        @GetMapping("/malformed")
        @RequiresPolicy("malformed")
        Map<String, Object> malformed(AuthenticatedUser user) {
            return describe(user);
        }

        @GetMapping("/refused")
        @RequiresPolicy("refused")
        Map<String, Object> refused(AuthenticatedUser user) {
            return describe(user);
        }

        @GetMapping("/flaky")
        @RequiresPolicy("flaky")
        Map<String, Object> flaky(AuthenticatedUser user) {
            return describe(user);
        }

        @PostMapping("/body")
        @RequiresPolicy("body")
        Map<String, Object> body(@RequestBody String body) {
            return Map.of("handlerSaw", body);
        }

        @PostMapping(path = "/form", consumes = "application/x-www-form-urlencoded")
        @RequiresPolicy("body")
        Map<String, Object> form(@RequestParam("amount") String amount) {
            return Map.of("amount", amount);
        }

        @GetMapping("/down")
        @RequiresPolicy("down")
        Map<String, Object> down(AuthenticatedUser user) {
            return Map.of("subject", user.subject());
        }

        @PostMapping("/narrow-body")
        @RequiresPolicy("narrow-body")
        Map<String, Object> narrowBody(@RequestBody String body) {
            return Map.of("handlerSaw", body);
        }

        @GetMapping("/narrow")
        @RequiresPolicy("narrow")
        Map<String, Object> narrow(AuthenticatedUser user) {
            return describe(user);
        }

        @PostMapping("/form-any")
        @RequiresPolicy("body")
        Map<String, String> formAny(@RequestParam Map<String, String> parameters) {
            return parameters;
        }

        private static Map<String, Object> describe(AuthenticatedUser user) {
            return Map.of("subject", user.subject(), "roles", user.roles(), "mechanism", user.mechanism());
        }
    }
}
