package io.policyauth.autoconfigure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.cerbos.CerbosResourceAuthorizer;

/** The engine is configured only when named, and its settings are checked at start. */
class ResourceAuthorizationAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResourceAuthorizationAutoConfiguration.class));

    @Test
    void noEngineNoAuthorizer() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ResourceAuthorizer.class));
    }

    @Test
    void cerbosIsTheAuthorizerWhenNamed() {
        runner.withPropertyValues("policy-auth.resources.engine=cerbos",
                "policy-auth.resources.cerbos.url=http://127.0.0.1:3592").run(context ->
                        assertThat(context).getBean(ResourceAuthorizer.class)
                                .isInstanceOf(CerbosResourceAuthorizer.class));
    }

    @Test
    void anInvalidSettingStopsTheStartNamingIt() {
        runner.withPropertyValues("policy-auth.resources.engine=cerbos",
                "policy-auth.resources.cerbos.max-concurrent-requests=0").run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause()
                                .hasMessageContaining("max-concurrent-requests"));
    }
}
