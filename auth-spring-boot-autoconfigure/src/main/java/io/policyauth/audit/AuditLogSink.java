package io.policyauth.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.DecisionListener;

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
    public static final String LOGGER = "policy-auth.audit";

    private static final Logger logger = LoggerFactory.getLogger(LOGGER);

    /**
     * @param decision the decision to log
     */
    @Override
    public void onDecision(AuthDecisionEvent decision) {
        boolean granted = decision.outcome() == io.policyauth.core.Outcome.GRANTED;
        if (granted ? !logger.isDebugEnabled() : !logger.isInfoEnabled()) {
            return;
        }
        String line = format(decision);
        if (granted) {
            logger.debug(line);
        }
        else {
            logger.info(line);
        }
    }

    static String format(AuthDecisionEvent decision) {
        StringBuilder line = new StringBuilder(160);
        append(line, "outcome", decision.outcome().tag());
        append(line, "policy", decision.policy());
        append(line, "reason", decision.reason());
        append(line, "subject", decision.subject());
        append(line, "credential_id", decision.credentialId());
        append(line, "tenant", decision.tenant());
        append(line, "client", decision.clientAddress());
        append(line, "method", decision.method());
        append(line, "path", decision.path());
        append(line, "duration_us", Long.toString(decision.duration().toNanos() / 1_000));
        append(line, "time", decision.time().toString());
        return line.toString();
    }

    private static void append(StringBuilder line, String key, String value) {
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(key).append('=');
        if (value == null) {
            line.append('-');
            return;
        }
        boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=');
        if (quote) {
            line.append('"');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                line.append('?');
            }
            else if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            }
            else {
                line.append(c);
            }
        }
        if (quote) {
            line.append('"');
        }
    }
}
