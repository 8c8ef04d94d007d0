package io.policyauth.autoconfigure.apikey;

import static java.util.Map.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.apikey.ApiKeyFormat;
import io.policyauth.apikey.ApiKeyLookup;
import io.policyauth.apikey.ApiKeyManager;
import io.policyauth.apikey.ApiKeyStore;
import io.policyauth.apikey.DbApiKeyExecutor;
import io.policyauth.apikey.IssuedApiKey;
import io.policyauth.apikey.mongo.EmbeddedMongo;
import io.policyauth.apikey.mongo.MongoApiKeyStore;
import io.policyauth.autoconfigure.PolicyAuthAutoConfiguration;
import io.policyauth.autoconfigure.web.servlet.PolicyAuthWebMvcAutoConfiguration;
import io.policyauth.core.AuthUnavailableException;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.web.RequiresPolicy;

class DbApiKeyPolicyAutoConfigurationTests {

    private final EmbeddedMongo mongo = new EmbeddedMongo();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class, MongoAutoConfiguration.class,
                    DataMongoAutoConfiguration.class, DbApiKeyPolicyAutoConfiguration.class));

    private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, MongoAutoConfiguration.class,
                    DataMongoAutoConfiguration.class, PolicyAuthAutoConfiguration.class,
                    PolicyAuthWebMvcAutoConfiguration.class, DbApiKeyPolicyAutoConfiguration.class));

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void registersThePolicyOverBootsMongoConnection() {
        runner.withPropertyValues("spring.mongodb.uri=" + mongo.connectionString(),
                "policy-auth.api-key.collection=client_keys", "policy-auth.api-key.prefix=acme").run(context -> {
                    assertThat(context).hasSingleBean(DbApiKeyExecutor.class).hasSingleBean(ApiKeyManager.class);
                    assertThat(context.getBean(MongoApiKeyStore.class).collection()).isEqualTo("client_keys");

                    context.getBean(DbApiKeyExecutor.class).activate();
                    IssuedApiKey issued = context.getBean(ApiKeyManager.class).issue("client-7", "ci", null, null,
                            null);

                    assertThat(issued.key()).startsWith("acme_");
                    assertThat(context.getBean(DbApiKeyExecutor.class).execute(request(issued.key())).subject())
                            .isEqualTo("client-7");
                    assertThat(mongo.template().getCollection("client_keys").countDocuments()).isEqualTo(1);
                });
    }

    @Test
    void nothingTalksToMongoAtStartAndAnUnreachableDatabaseGives503() {
        mongo.stop();
        List<String> commands = new CopyOnWriteArrayList<>();
        runner.withPropertyValues("spring.mongodb.uri=" + mongo.connectionString())
                .withBean(MongoClientSettingsBuilderCustomizer.class,
                        () -> settings -> settings.addCommandListener(new Recording(commands)))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(DbApiKeyExecutor.class);
                    assertThat(commands).isEmpty();

                    DbApiKeyExecutor executor = context.getBean(DbApiKeyExecutor.class);
                    executor.activate();
                    String key = context.getBean(ApiKeyFormat.class).generate();

                    assertThatThrownBy(() -> executor.execute(request(key)))
                            .isInstanceOf(AuthUnavailableException.class);
                });
    }

    @Test
    void bindsTheCacheAndTimeoutProperties() {
        runner.withPropertyValues("spring.mongodb.uri=" + mongo.connectionString(), "policy-auth.api-key.cache-ttl=0",
                "policy-auth.api-key.lookup-timeout=150ms", "policy-auth.api-key.management-timeout=1s",
                "policy-auth.api-key.last-used-buffer-size=5", "policy-auth.api-key.last-used-flush-interval=2s")
                .run(context -> {
                    assertThat(context.getBean(ApiKeyLookup.class).isCaching()).isFalse();
                    ApiKeyProperties apiKey = context.getBean(ApiKeyProperties.class);
                    assertThat(apiKey.getLookupTimeout()).isEqualTo(Duration.ofMillis(150));
                    assertThat(apiKey.getManagementTimeout()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(apiKey.getLastUsedBufferSize()).isEqualTo(5);
                    assertThat(apiKey.getLastUsedFlushInterval()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void usesATemplateDedicatedToKeysWhenThereIsOne() {
        runner.withPropertyValues("spring.mongodb.uri=" + mongo.connectionString())
                .withUserConfiguration(KeysTemplateConfiguration.class).run(context -> {
                    context.getBean(ApiKeyManager.class).issue("client-7", null, null, null, null);

                    assertThat(mongo.template().getMongoDatabaseFactory().getMongoDatabase("keys_db")
                            .getCollection("api_keys").countDocuments()).isEqualTo(1);
                });
    }

    @Test
    void isAbsentWithoutSpringDataMongo() {
        runner.withClassLoader(new FilteredClassLoader(MongoTemplate.class))
                .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class, DbApiKeyPolicyAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DbApiKeyExecutor.class)
                        .doesNotHaveBean(ApiKeyFormat.class));
    }

    @Test
    void isAbsentWithoutAMongoConnection() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class, DbApiKeyPolicyAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DbApiKeyExecutor.class)
                        .doesNotHaveBean(ApiKeyManager.class));
    }

    @Test
    void isAbsentWhenPolicyAuthIsDisabled() {
        runner.withPropertyValues("spring.mongodb.uri=" + mongo.connectionString(), "policy-auth.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DbApiKeyExecutor.class)
                        .doesNotHaveBean(ApiKeyFormat.class));
    }

    @Test
    void anApplicationStoreReplacesMongo() {
        ApiKeyStore own = mock(ApiKeyStore.class);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PolicyAuthAutoConfiguration.class, DbApiKeyPolicyAutoConfiguration.class))
                .withBean(ApiKeyStore.class, () -> own).run(context -> {
                    assertThat(context).hasSingleBean(DbApiKeyExecutor.class).doesNotHaveBean(MongoApiKeyStore.class);
                    assertThat(context.getBean(ApiKeyStore.class)).isSameAs(own);
                });
    }

    @Test
    void anEndpointNamingTheUnregisteredPolicyStopsStartSayingWhatToAdd() {
        webRunner.withClassLoader(new FilteredClassLoader(MongoTemplate.class))
                .withUserConfiguration(KeyedController.class).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasMessageContaining("Unknown policy 'db_api_key'")
                            .hasMessageContaining("spring-boot-starter-data-mongodb");
                });
    }

    @Test
    void anApplicationWithoutKeyedEndpointsNeverContactsAStoppedMongo() {
        mongo.stop();
        List<String> commands = new CopyOnWriteArrayList<>();
        webRunner.withPropertyValues("spring.mongodb.uri=" + mongo.connectionString())
                .withBean(MongoClientSettingsBuilderCustomizer.class,
                        () -> settings -> settings.addCommandListener(new Recording(commands)))
                .withUserConfiguration(OpenController.class).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(DbApiKeyExecutor.class);
                    assertThat(commands).isEmpty();
                });
    }

    @Test
    void anApplicationWithKeyedEndpointsStartsWhileMongoIsDown() {
        mongo.stop();
        webRunner.withPropertyValues("spring.mongodb.uri=" + mongo.connectionString(),
                "policy-auth.api-key.management-timeout=200ms").withUserConfiguration(KeyedController.class)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DbApiKeyExecutor.class));
    }

    private static SecurityRequestContext request(String key) {
        return SecurityRequestContext.of("127.0.0.1", of("X-API-KEY", List.of(key)));
    }

    @RestController
    static class KeyedController {

        @GetMapping("/keyed")
        @RequiresPolicy("db_api_key")
        String keyed() {
            return "keyed";
        }
    }

    @RestController
    static class OpenController {

        @GetMapping("/open")
        @RequiresPolicy("public")
        String open() {
            return "open";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class KeysTemplateConfiguration {

        @Bean
        MongoTemplate mongoTemplate(com.mongodb.client.MongoClient client) {
            return new MongoTemplate(client, "app_db");
        }

        @Bean(DbApiKeyPolicyAutoConfiguration.KEYS_MONGO_TEMPLATE)
        MongoOperations keysTemplate(com.mongodb.client.MongoClient client) {
            return new MongoTemplate(client, "keys_db");
        }
    }

    private record Recording(List<String> commands) implements CommandListener {

        @Override
        public void commandStarted(CommandStartedEvent event) {
            commands.add(event.getCommandName());
        }
    }
}
