package io.policyauth.autoconfigure.jwt;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.policyauth.jwt.JwtClaimValidator;
import io.policyauth.jwt.JwtUserMapper;

/**
 * The application's {@link JwtClaimValidator} and {@link JwtUserMapper} beans, as they apply to
 * one issuer.
 *
 * @param validators the checks for this issuer: those for every issuer and those naming it
 * @param userMapper the application's mapper, or the configured claim mapping
 */
record JwtSeams(List<JwtClaimValidator> validators, JwtUserMapper userMapper) {

    static final JwtSeams NONE = new JwtSeams(List.of(), JwtUserMapper.DEFAULT);

    /**
     * @param all every validator bean
     * @param userMapper the mapper
     * @param issuerName the issuer's name under {@code policy-auth.jwt.issuers}, or {@code null} for the
     *        top-level one
     * @return the seams of that issuer
     */
    static JwtSeams forIssuer(List<JwtClaimValidator> all, JwtUserMapper userMapper, @Nullable String issuerName) {
        return new JwtSeams(all.stream().filter(validator -> validator.issuerName() == null
                || validator.issuerName().equals(issuerName)).toList(), userMapper);
    }
}
