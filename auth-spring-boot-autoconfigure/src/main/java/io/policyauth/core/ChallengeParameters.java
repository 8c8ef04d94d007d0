package io.policyauth.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters every {@code Bearer} and {@code DPoP} challenge of a 401 carries, whichever policy refused: RFC 9728's
 * {@code resource_metadata}, which tells a client where this API's protected resource metadata is.
 *
 * @param params the parameters, in order; values never hold a credential
 */
public record ChallengeParameters(Map<String, String> params) {

    public ChallengeParameters {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * @param failure a refusal
     * @return the refusal with these parameters on its token challenges, when it is a 401 with one
     */
    public AuthException addTo(AuthException failure) {
        Denial denial = failure.denial();
        if (denial.kind().status() != 401 || denial.challenges().stream()
                .noneMatch(ChallengeParameters::isTokenScheme)) {
            return failure;
        }
        List<Challenge> challenges = new ArrayList<>(denial.challenges().size());
        for (Challenge challenge : denial.challenges()) {
            if (isTokenScheme(challenge)) {
                Map<String, String> more = new LinkedHashMap<>(challenge.params());
                params.forEach(more::putIfAbsent);
                challenge = new Challenge(challenge.scheme(), more);
            }
            challenges.add(challenge);
        }
        AuthException withParameters = new AuthException(denial.withChallenges(challenges), failure.getCause());
        return failure.caller() == null ? withParameters : withParameters.refusing(failure.caller());
    }

    private static boolean isTokenScheme(Challenge challenge) {
        return BearerTokens.SCHEME.equalsIgnoreCase(challenge.scheme())
                || BearerTokens.DPOP_SCHEME.equalsIgnoreCase(challenge.scheme());
    }
}
