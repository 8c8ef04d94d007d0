package io.policyauth.autoconfigure.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;
import io.policyauth.autoconfigure.remote.RemotePolicyAutoConfiguration;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.gateway.GatewayPolicies;

@ExtendWith(OutputCaptureExtension.class)
class GatewayAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, PolicyAuthAutoConfiguration.class,
                    PolicyAuthWebMvcAutoConfiguration.class, GatewayAutoConfiguration.class));

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GatewayPolicies.class));
    }

    @Test
    void onWithADefaultPolicyThatExists() {
        runner.withPropertyValues("policy-auth.gateway.enabled=true", "policy-auth.gateway.default-policy=public")
                .run(context -> assertThat(context).hasSingleBean(GatewayPolicies.class));
    }

    @Test
    void anUnregisteredDefaultPolicyStopsTheStart() {
        runner.withPropertyValues("policy-auth.gateway.enabled=true")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("policy-auth.gateway.default-policy").hasMessageContaining("private"));
    }

    @Test
    void aRouteNamingAnUnknownPolicyStopsTheStart() {
        runner.withPropertyValues("policy-auth.gateway.enabled=true", "policy-auth.gateway.default-policy=public",
                "policy-auth.gateway.routes[0].pattern=/x/**", "policy-auth.gateway.routes[0].policy=nope")
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("nope"));
        runner.withPropertyValues("policy-auth.gateway.enabled=true", "policy-auth.gateway.default-policy=public",
                "policy-auth.gateway.routes[0].policy=public")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("policy-auth.gateway.routes[0].pattern"));
    }

    @Test
    void badCallersOrPathStopTheStartNamingTheProperty() {
        runner.withPropertyValues("policy-auth.gateway.enabled=true", "policy-auth.gateway.default-policy=public",
                "policy-auth.gateway.allowed-callers=10.0.0.0/99")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("policy-auth.gateway.allowed-callers[0]"));
        runner.withPropertyValues("policy-auth.gateway.enabled=true", "policy-auth.gateway.default-policy=public",
                "policy-auth.gateway.path=/authz/")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("policy-auth.gateway.path"));
    }

    @Test
    void aRouteWhosePolicyReadsTheBodyIsNamedAtStartSinceNginxCannotSendIt(CapturedOutput output) {
        runner.withConfiguration(AutoConfigurations.of(RemotePolicyAutoConfiguration.class))
                .withPropertyValues("policy-auth.gateway.enabled=true", "policy-auth.gateway.default-policy=public",
                        "policy-auth.remote.bodies.endpoint=http://127.0.0.1:1/authorize",
                        "policy-auth.remote.bodies.include-body=true",
                        "policy-auth.gateway.routes[0].pattern=/queries/**",
                        "policy-auth.gateway.routes[0].policy=bodies",
                        "policy-auth.gateway.routes[1].pattern=/open/**", "policy-auth.gateway.routes[1].policy=public")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output.getAll()).contains("decides on the request body: [/queries/** (bodies)]")
                            .doesNotContain("/open/**");
                });
    }
}
