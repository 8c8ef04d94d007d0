package io.policyauth.tenant;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.policyauth.core.AuditLine;

/** Writes each change to a tenant's roles as one line at INFO on the audit logger, {@value AuditLine#LOGGER}. */
public final class TenantChangeLog implements TenantChangeListener {

    private static final Logger logger = LoggerFactory.getLogger(AuditLine.LOGGER);

    @Override
    public void onChange(TenantChange change) {
        if (logger.isInfoEnabled()) {
            logger.info(new AuditLine().add("tenant_change", change.action().name().toLowerCase(Locale.ROOT))
                    .add("actor", change.actor()).add("tenant", change.tenant()).add("target", change.target())
                    .add("before", String.valueOf(change.before())).add("after", String.valueOf(change.after()))
                    .add("time", change.time().toString()).toString());
        }
    }
}
