package io.policyauth.resource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuditLine;

/**
 * Writes each resource check as one {@code key=value} line on the audit logger,
 * {@value AuditLine#LOGGER}, beside the request's decision line: grants at DEBUG, the rest at INFO.
 */
public class ResourceAuditLog implements ResourceDecisionListener {

    private static final Logger logger = LoggerFactory.getLogger(AuditLine.LOGGER);

    @Override
    public void onDecision(ResourceDecisionEvent decision) {
        boolean allowed = decision.effect() == ResourceEffect.ALLOW;
        if (allowed ? !logger.isDebugEnabled() : !logger.isInfoEnabled()) {
            return;
        }
        String line = format(decision);
        if (allowed) {
            logger.debug(line);
        }
        else {
            logger.info(line);
        }
    }

    static String format(ResourceDecisionEvent decision) {
        return new AuditLine().add("resource_effect", decision.effect().tag()).add("kind", decision.kind())
                .add("id", decision.id()).add("action", decision.action()).add("matched_policy", decision.policy())
                .add("subject", decision.subject()).add("tenant", decision.tenant())
                .add("duration_us", Long.toString(decision.duration().toNanos() / 1_000))
                .add("time", decision.time().toString()).toString();
    }
}
