package io.policyauth.benchmarks.load;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The trivial endpoint behind Spring Security's resource server (see {@link SpringSecurityPeerConfiguration}). */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SpringSecurityController implements ExemptFromPolicyAuth {

    @GetMapping("/ss/hs256")
    String hs256() {
        return "ok";
    }

    @GetMapping("/ss/rs256")
    String rs256() {
        return "ok";
    }

    @GetMapping("/ss/es256")
    String es256() {
        return "ok";
    }
}
