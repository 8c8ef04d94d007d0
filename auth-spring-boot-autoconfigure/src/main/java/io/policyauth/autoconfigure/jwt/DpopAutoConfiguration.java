package io.policyauth.autoconfigure.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.nimbusds.jwt.SignedJWT;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import io.policyauth.autoconfigure.ApplicationClock;
import io.policyauth.autoconfigure.ConditionalOnPolicyAuthEnabled;
import io.policyauth.autoconfigure.MongoStoreFailures;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.core.RequestUrlSource;
import io.policyauth.jwt.dpop.DpopNonces;
import io.policyauth.jwt.dpop.DpopProofRules;
import io.policyauth.jwt.dpop.DpopProofVerifier;
import io.policyauth.jwt.dpop.DpopReplayCache;
import io.policyauth.jwt.dpop.InMemoryDpopReplayCache;
import io.policyauth.jwt.mongo.MongoDpopReplayCache;

/**
 * DPoP (RFC 9449), when an issuer's {@code dpop.mode} asks for it: the {@link DpopProofVerifier}
 * that the {@code private} policies check proofs with, and the {@link DpopReplayCache} of the
 * proofs already seen: in memory, or shared through MongoDB with
 * {@code policy-auth.jwt.dpop.replay-store=mongo}. Each backs off when the application defines its own.
 */
@AutoConfiguration(before = JwtPolicyAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(SignedJWT.class)
@ConditionalOnPolicyAuthEnabled
@Conditional({JwtKeySourceCondition.Verification.class, DpopEnabledCondition.class})
@EnableConfigurationProperties(JwtProperties.class)
public class DpopAutoConfiguration {

    private static final String ROOT = JwtIssuerSettings.ROOT + ".dpop";
    private static final String STORE = ROOT + ".replay-store";

    /**
     * @param properties the configuration
     * @param replays the proofs already seen
     * @param urls where request URLs come from, when trusted proxies forward them
     * @param clock the application's clock, if any
     * @return the verifier of every issuer's proofs
     */
    @Bean
    @ConditionalOnMissingBean
    public DpopProofVerifier dpopProofVerifier(JwtProperties properties, DpopReplayCache replays,
            ObjectProvider<RequestUrlSource> urls, ObjectProvider<Clock> clock) {
        JwtProperties.DpopProofs dpop = properties.getDpop();
        Clock time = ApplicationClock.of(clock);
        RequestUrlSource source = dpop.getPublicUrl() != null ? publicUrl(dpop)
                : urls.getIfAvailable(() -> RequestUrlSource.AS_RECEIVED);
        try {
            return new DpopProofVerifier(new DpopProofRules(DpopProofRules.algorithms(dpop.getAlgorithms()),
                    dpop.getProofMaxAge(), properties.getClockSkew(), source, nonces(dpop, time), time), replays);
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidConfigurationPropertyValueException(ROOT + ".algorithms",
                    String.join(",", dpop.getAlgorithms()), invalid.getMessage());
        }
    }

    private static RequestUrlSource publicUrl(JwtProperties.DpopProofs dpop) {
        if (!dpop.getPublicUrl().isAbsolute() || dpop.getPublicUrl().getHost() == null
                || dpop.getPublicUrl().getRawQuery() != null || dpop.getPublicUrl().getRawFragment() != null) {
            throw new InvalidConfigurationPropertyValueException(ROOT + ".public-url", dpop.getPublicUrl(),
                    "set the scheme, host and any path prefix clients call this API at, such as "
                            + "https://api.example.com");
        }
        return RequestUrlSource.under(dpop.getPublicUrl());
    }

    private static DpopNonces nonces(JwtProperties.DpopProofs dpop, Clock clock) {
        if (!dpop.isNonce()) {
            return null;
        }
        try {
            String secret = dpop.getNonceSecret();
            return secret == null || secret.isEmpty() ? DpopNonces.random(dpop.getNonceLifetime(), clock)
                    : new DpopNonces(secret.getBytes(StandardCharsets.UTF_8), dpop.getNonceLifetime(), clock);
        }
        catch (IllegalArgumentException invalid) {
            // The secret's value is never shown.
            throw new PolicyAuthConfigurationException("Invalid " + ROOT + ".nonce-secret or nonce-lifetime: "
                    + invalid.getMessage() + ".", PemKeyFiles.WHAT_TO_DO, invalid);
        }
    }

    @Bean
    @ConditionalOnMissingBean(DpopReplayCache.class)
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    InMemoryDpopReplayCache inMemoryDpopReplayCache(ObjectProvider<Clock> clock) {
        return new InMemoryDpopReplayCache(ApplicationClock.of(clock));
    }

    /** Proofs seen by every instance, through the application's MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoOperations.class)
    @ConditionalOnProperty(name = STORE, havingValue = "mongo")
    static class MongoStore {

        @Bean
        @ConditionalOnMissingBean(DpopReplayCache.class)
        MongoDpopReplayCache mongoDpopReplayCache(JwtProperties properties, ObjectProvider<MongoOperations> mongo) {
            MongoOperations operations = mongo.getIfAvailable(() -> {
                throw MongoStoreFailures.noConnection(STORE, "memory");
            });
            return new MongoDpopReplayCache(operations, properties.getDpop().getReplayCollection(),
                    properties.getDpop().getReplayTimeout());
        }
    }

    /** Says what to add when a shared replay store is asked for without Spring Data MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.data.mongodb.core.MongoOperations")
    @ConditionalOnProperty(name = STORE, havingValue = "mongo")
    static class MongoStoreMissing {

        MongoStoreMissing() {
            throw MongoStoreFailures.noSpringData(STORE, "memory");
        }
    }
}
