package io.policyauth.jwt;

import io.policyauth.core.AuthenticationException;
import io.policyauth.core.BearerTokens;

/**
 * The 401s of a presented but unacceptable bearer token (RFC 6750 {@code invalid_token}). Details
 * are fixed sentences: nothing from the token ever reaches a message, a challenge or a cause.
 */
final class TokenRejections {

    static final String MALFORMED = "malformed_token";
    static final String UNSUPPORTED_ALGORITHM = "unsupported_algorithm";
    static final String UNSUPPORTED_CRITICAL_HEADER = "unsupported_critical_header";
    static final String UNKNOWN_KEY = "unknown_key";
    static final String BAD_SIGNATURE = "bad_signature";
    static final String TOKEN_EXPIRED = "token_expired";
    static final String TOKEN_NOT_YET_VALID = "token_not_yet_valid";
    static final String MISSING_EXP = "missing_exp";
    static final String BAD_ISSUER = "bad_issuer";
    static final String BAD_AUDIENCE = "bad_audience";
    static final String MISSING_SUBJECT = "missing_subject";
    static final String TOKEN_REVOKED = "token_revoked";
    static final String WRONG_TYPE = "wrong_token_type";
    static final String CLAIM_REJECTED = "claim_rejected";
    static final String TOKEN_INACTIVE = "token_inactive";

    private TokenRejections() {
    }

    static AuthenticationException malformed() {
        return reject(MALFORMED, "The token is malformed.");
    }

    static AuthenticationException unsupportedAlgorithm() {
        return reject(UNSUPPORTED_ALGORITHM, "The token's signature algorithm is not accepted.");
    }

    static AuthenticationException unsupportedCriticalHeader() {
        return reject(UNSUPPORTED_CRITICAL_HEADER, "The token carries a critical header that is not understood.");
    }

    static AuthenticationException unknownKey() {
        return reject(UNKNOWN_KEY, "The token's signing key is not known.");
    }

    static AuthenticationException badSignature() {
        return reject(BAD_SIGNATURE, "The token's signature is invalid.");
    }

    static AuthenticationException expired() {
        return reject(TOKEN_EXPIRED, "The token has expired.");
    }

    static AuthenticationException notYetValid() {
        return reject(TOKEN_NOT_YET_VALID, "The token is not valid yet.");
    }

    static AuthenticationException missingExpiry() {
        return reject(MISSING_EXP, "The token has no expiry.");
    }

    static AuthenticationException badIssuer() {
        return reject(BAD_ISSUER, "The token's issuer is not accepted.");
    }

    static AuthenticationException badAudience() {
        return reject(BAD_AUDIENCE, "The token's audience is not accepted.");
    }

    static AuthenticationException missingSubject() {
        return reject(MISSING_SUBJECT, "The token has no subject.");
    }

    static AuthenticationException wrongType() {
        return reject(WRONG_TYPE, "The token is not of the type this resource accepts.");
    }

    static AuthenticationException claimRejected() {
        return reject(CLAIM_REJECTED, "The token's claims are not accepted.");
    }

    static AuthenticationException revoked() {
        return reject(TOKEN_REVOKED, "The token has been revoked.");
    }

    static AuthenticationException inactive() {
        return reject(TOKEN_INACTIVE, "The token is not active.");
    }

    static AuthenticationException reject(String reason, String detail) {
        return BearerTokens.invalid(reason, detail);
    }
}
