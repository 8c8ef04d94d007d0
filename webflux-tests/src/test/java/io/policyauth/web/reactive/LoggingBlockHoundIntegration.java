package io.policyauth.web.reactive;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Logback writes log lines synchronously on whatever thread logs, in every application; only that
 * is allowed. policy-auth's own work on an event loop must not block.
 */
public final class LoggingBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
    }
}
