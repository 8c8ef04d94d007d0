package io.policyauth.audit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuditLine;
import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.DecisionListener;
import io.policyauth.core.Outcome;

/**
 * Writes each decision as one {@code key=value} line on logger {@value #LOGGER}: grants at DEBUG,
 * denials and dry-run denials at INFO. Values are identifiers, never credentials; control
 * characters are replaced so a crafted path cannot forge lines.
 *
 * <p>A {@link DecisionListener} called directly by {@code AuthService}, not an application event
 * listener: every request passes here, and Spring's event dispatch would add a reflective call.
 */
public class AuditLogSink implements DecisionListener {

    /** The audit logger's name. */
    public static final String LOGGER = AuditLine.LOGGER;

    private static final Logger logger = LoggerFactory.getLogger(LOGGER);

    /** Only what is logged at the logger's level now: grants below DEBUG build no event. */
    @Override
    public boolean wants(Outcome outcome, @Nullable AuthenticatedUser caller) {
        return outcome == Outcome.GRANTED ? logger.isDebugEnabled() : logger.isInfoEnabled();
    }

    /**
     * @param decision the decision to log
     */
    @Override
    public void onDecision(AuthDecisionEvent decision) {
        if (!wants(decision.outcome(), null)) {
            return;
        }
        boolean granted = decision.outcome() == Outcome.GRANTED;
        String line = format(decision);
        if (granted) {
            logger.debug(line);
        }
        else {
            logger.info(line);
        }
    }

    static String format(AuthDecisionEvent decision) {
        return new AuditLine().add("outcome", decision.outcome().tag()).add("policy", decision.policy())
                .add("reason", decision.reason()).add("subject", decision.subject())
                .add("credential_id", decision.credentialId()).add("binding", decision.binding())
                .add("tenant", decision.tenant())
                .add("target_tenant", decision.targetTenant()).add("client", decision.clientAddress())
                .add("method", decision.method()).add("path", decision.path())
                .add("duration_us", Long.toString(decision.duration().toNanos() / 1_000))
                .add("time", decision.time().toString()).toString();
    }
}
