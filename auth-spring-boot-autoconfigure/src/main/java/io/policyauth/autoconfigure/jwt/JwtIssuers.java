package io.policyauth.autoconfigure.jwt;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import io.policyauth.core.BackgroundTasks;
import io.policyauth.core.CredentialDescription;
import io.policyauth.core.PolicyAuthConfigurationException;
import io.policyauth.jwt.IntrospectingAuthProvider;
import io.policyauth.jwt.IssuerMetadata;
import io.policyauth.jwt.IssuerRoutingJwtAuthProvider;
import io.policyauth.jwt.JwtAuthProvider;
import io.policyauth.jwt.JwtClaimValidator;
import io.policyauth.jwt.JwtUserMapper;
import io.policyauth.jwt.NimbusJwtAuthProvider;
import io.policyauth.jwt.PrivateExecutor;
import io.policyauth.jwt.TokenDenylist;
import io.policyauth.jwt.dpop.DpopBinding;
import io.policyauth.jwt.dpop.DpopMode;
import io.policyauth.jwt.dpop.DpopProofVerifier;

/**
 * The configured issuers: the one of {@code policy-auth.jwt.*}, when it has a key source, and each
 * of {@code policy-auth.jwt.issuers.<name>}, every one verified by its own provider. With more
 * than one, each must name its issuer, and no two the same one.
 */
final class JwtIssuers implements AutoCloseable {

    /* What a user does about a configuration failure below. */
    private static final String WHAT_TO_DO = "Correct the configuration named above; the README lists every property "
            + "and what it takes.";

    private static final Logger logger = LoggerFactory.getLogger(JwtIssuers.class);

    static final String ISSUERS = "policy-auth.jwt.issuers";

    private final @Nullable JwtAuthProvider topLevel;
    private final Map<String, JwtAuthProvider> named = new LinkedHashMap<>();
    private final List<JwtAuthProvider> introspecting = new ArrayList<>();
    private final Map<String, JwtAuthProvider> byIssuer = new LinkedHashMap<>();
    private final Map<String, CredentialDescription.Issuer> described = new LinkedHashMap<>();
    private final Map<String, DpopMode> dpopModes = new LinkedHashMap<>();
    private final Map<String, DpopMode> dpopModesByIssuer = new LinkedHashMap<>();

    /**
     * @param properties the configuration
     * @param denylist revoked token ids
     * @param tasks runs JWK Set refreshes
     * @param clock the application's clock
     * @param validators the application's further claim checks
     * @param userMapper the application's mapping of claims to the caller
     * @param keyOverride replaces the public keys of issuers in tests, or {@code null}
     */
    JwtIssuers(JwtProperties properties, TokenDenylist denylist, BackgroundTasks tasks, Clock clock,
            List<JwtClaimValidator> validators, JwtUserMapper userMapper,
            @Nullable JwtVerificationKeyOverride keyOverride) {
        JwtIssuerSettings top = JwtIssuerSettings.topLevel(properties, clock);
        this.topLevel = top.hasKeySource() ? JwtVerifierFactory.create(top, denylist, tasks,
                JwtSeams.forIssuer(validators, userMapper, null), replacementKey(keyOverride, top, null)) : null;
        boolean several = properties.getIssuers().size() + (topLevel == null ? 0 : 1) > 1;
        if (topLevel != null) {
            dpopModes.put(PrivateExecutor.POLICY, properties.getDpop().getMode());
            if (top.introspects()) {
                introspecting.add(topLevel);
            }
            describe(PrivateExecutor.POLICY, properties);
            if (several) {
                register(top.issuerName(), "policy-auth.jwt.issuer", topLevel);
                dpopModesByIssuer.put(top.issuerName(), properties.getDpop().getMode());
            }
        }
        properties.getIssuers().forEach((name, issuer) -> {
            String prefix = ISSUERS + "." + name;
            JwtIssuerSettings settings = new JwtIssuerSettings(properties, issuer, prefix, clock);
            JwtAuthProvider provider = JwtVerifierFactory.create(settings, denylist, tasks,
                    JwtSeams.forIssuer(validators, userMapper, name), replacementKey(keyOverride, settings, name));
            named.put(name, provider);
            dpopModes.put(name, issuer.getDpop().getMode());
            if (settings.introspects()) {
                introspecting.add(provider);
            }
            describe(PrivateExecutor.POLICY + ":" + name, issuer);
            if (several) {
                register(settings.issuerName(), prefix + ".issuer", provider);
                dpopModesByIssuer.put(settings.issuerName(), issuer.getDpop().getMode());
            }
        });
    }

    /**
     * @return what the {@code private} policy verifies with: the one issuer, or a router by {@code iss}
     */
    JwtAuthProvider privatePolicyProvider() {
        if (byIssuer.isEmpty()) {
            return topLevel != null ? topLevel : named.values().iterator().next();
        }
        return new IssuerRoutingJwtAuthProvider(byIssuer, introspecting);
    }

    /**
     * @param verifier checks DPoP proofs, when an issuer takes them
     * @return how the {@code private} policy treats DPoP: by the mode of each token's issuer
     */
    DpopBinding privatePolicyDpop(@Nullable DpopProofVerifier verifier) {
        if (dpopModesByIssuer.isEmpty()) {
            return DpopBinding.of(dpopModes.values().iterator().next(), verifier);
        }
        return new DpopBinding(dpopModesByIssuer, DpopMode.DISABLED, verifier);
    }

    /**
     * @param name an entry of {@code policy-auth.jwt.issuers}
     * @param verifier checks DPoP proofs, when the issuer takes them
     * @return how the policy {@code private:<name>} treats DPoP
     */
    DpopBinding namedDpop(String name, @Nullable DpopProofVerifier verifier) {
        return DpopBinding.of(dpopModes.getOrDefault(name, DpopMode.DISABLED), verifier);
    }

    /**
     * @return the issuers whose tokens the {@code private} policy accepts, each under the policy
     *         name that admits only its tokens when there are several
     */
    List<CredentialDescription.Issuer> privatePolicyIssuers() {
        return List.copyOf(described.values());
    }

    /**
     * @param name an entry of {@code policy-auth.jwt.issuers}
     * @return how the policy {@code private:<name>} describes its issuer
     */
    CredentialDescription.Issuer describedIssuer(String name) {
        return described.get(PrivateExecutor.POLICY + ":" + name);
    }

    /**
     * @param name an entry of {@code policy-auth.jwt.issuers}
     * @return its provider
     */
    JwtAuthProvider named(String name) {
        JwtAuthProvider provider = named.get(name);
        if (provider == null) {
            throw new PolicyAuthConfigurationException("No issuer named '" + name + "' under " + ISSUERS, WHAT_TO_DO);
        }
        return provider;
    }

    @Override
    public void close() {
        if (topLevel != null) {
            close(topLevel);
        }
        named.values().forEach(JwtIssuers::close);
    }

    private static void close(JwtAuthProvider provider) {
        if (provider instanceof NimbusJwtAuthProvider jwts) {
            jwts.close();
        }
        else if (provider instanceof IntrospectingAuthProvider introspection) {
            introspection.close();
        }
    }

    private static @Nullable PublicKey replacementKey(@Nullable JwtVerificationKeyOverride keyOverride,
            JwtIssuerSettings settings, @Nullable String name) {
        if (keyOverride == null || settings.verifiesWithSecret()) {
            return null;
        }
        PublicKey key = keyOverride.verificationKey(name);
        if (key != null) {
            logger.warn("{}: tokens are verified with a key from {} instead of the configured one; this must "
                    + "happen in tests only", settings.prefix(), keyOverride.getClass().getName());
        }
        return key;
    }

    /* A discovered issuer is documented by its OpenID Connect configuration, the one discovery reads. */
    private void describe(String policy, JwtIssuerProperties issuer) {
        described.put(policy, new CredentialDescription.Issuer(policy, issuer.getIssuerUri() == null ? null
                : IssuerMetadata.openIdConfiguration(issuer.getIssuerUri())));
    }

    private void register(@Nullable String issuer, String property, JwtAuthProvider provider) {
        if (issuer == null) {
            throw new InvalidConfigurationPropertyValueException(property, null,
                    "with several issuers each must name its issuer (issuer or issuer-uri): a token's iss chooses "
                            + "which one verifies it");
        }
        if (byIssuer.putIfAbsent(issuer, provider) != null) {
            throw new InvalidConfigurationPropertyValueException(property, issuer,
                    "another configured issuer names the same issuer");
        }
    }
}
