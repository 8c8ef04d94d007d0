package io.policyauth.autoconfigure.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import io.policyauth.remote.RemoteAuthorizerExecutor;

class RemotePolicyPrerequisitesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(RemotePolicyPrerequisitesAutoConfiguration.class,
                    RemotePolicyAutoConfiguration.class));

    @Test
    void remotePolicyWithoutRestClientStopsStartSayingWhatToAdd() {
        runner.withClassLoader(new FilteredClassLoader(RestClient.class))
                .withPropertyValues("policy-auth.remote.gateway.endpoint=http://127.0.0.1:9/authorize")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining(
                            "policy-auth.remote policies need Spring's RestClient and Jackson 3");
                });
    }

    @Test
    void withTheClientPresentTheRemotePolicyIsRegistered() {
        runner.withPropertyValues("policy-auth.remote.gateway.endpoint=http://127.0.0.1:9/authorize")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RemoteAuthorizerExecutor.class));
    }

    @Test
    void noRemotePoliciesNeedNoClient() {
        runner.withClassLoader(new FilteredClassLoader(RestClient.class))
                .run(context -> assertThat(context).hasNotFailed());
    }
}
