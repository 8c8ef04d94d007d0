package io.policyauth.core;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Says in the log when a backend a policy depends on cannot be reached, and when it answers
 * again: a WARN naming it, the cause and what requests get meanwhile (503, unless told otherwise)
 * at the first failure and then at most once per interval, never once per request, and an INFO
 * once it recovers.
 */
public final class OutageLog {

    /** The interval for backends that have none of their own: said at most every 30 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private final Logger logger;
    private final String backend;
    private final String meanwhile;
    private final Duration interval;
    private final Clock clock;
    private volatile boolean down;
    private @Nullable Instant lastWarning;

    /**
     * @param logger where to say it
     * @param backend what the backend is, naming its location, never a credential
     * @param interval the least time between two warnings about one outage
     * @param clock the application's clock
     */
    public OutageLog(Logger logger, String backend, Duration interval, Clock clock) {
        this(logger, backend, "requests that need it get 503 until it answers", interval, clock);
    }

    /**
     * @param logger where to say it
     * @param backend what the backend is, naming its location, never a credential
     * @param meanwhile what requests that need it get until it answers
     * @param interval the least time between two warnings about one outage
     * @param clock the application's clock
     */
    public OutageLog(Logger logger, String backend, String meanwhile, Duration interval, Clock clock) {
        this.logger = logger;
        this.backend = backend;
        this.meanwhile = meanwhile;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * @param cause why the backend could not be used
     */
    public void failed(Throwable cause) {
        Instant now = clock.instant();
        synchronized (this) {
            down = true;
            if (lastWarning != null && now.isBefore(lastWarning.plus(interval))) {
                return;
            }
            lastWarning = now;
        }
        logger.warn("policy-auth: {} cannot be used ({}); {}. Said again at most every {}.", backend, cause(cause),
                meanwhile, interval);
    }

    /** Notes a success: said once, at INFO, when it ends an outage. Cheap while the backend is up. */
    public void succeeded() {
        if (!down) {
            return;
        }
        synchronized (this) {
            if (!down) {
                return;
            }
            down = false;
            lastWarning = null;
        }
        logger.info("policy-auth: {} answers again", backend);
    }

    /* In a user's words where some cause in the chain is a common one, else the innermost cause. */
    static String cause(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return "timed out";
            }
            root = cause;
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
