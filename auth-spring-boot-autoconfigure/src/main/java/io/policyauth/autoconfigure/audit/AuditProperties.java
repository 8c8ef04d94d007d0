package io.policyauth.autoconfigure.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The audit trail of decisions, under {@code policy-auth.audit}. */
@ConfigurationProperties("policy-auth.audit")
public class AuditProperties {

    /** Whether every decision is published as an AuthDecisionEvent application event. */
    private boolean enabled = true;

    /** Whether decisions are logged on logger "policy-auth.audit" (grants at DEBUG, denials at INFO). */
    private boolean log = true;

    /** Where decisions are also stored: "none", or "mongo" (needs Spring Data MongoDB and a connection). */
    private Store store = Store.NONE;

    /** MongoDB collection of stored decisions. */
    private String collection = "auth_audit";

    /** How long stored decisions are kept (a TTL index on their time). */
    private Duration retention = Duration.ofDays(30);

    /** Most decisions waiting to be stored; beyond it new ones are dropped and counted, never blocking a request. */
    private int queueSize = 10_000;

    /** Time limit of one batch write to the store. */
    private Duration writeTimeout = Duration.ofSeconds(2);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isLog() {
        return log;
    }

    public void setLog(boolean log) {
        this.log = log;
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public String getCollection() {
        return collection;
    }

    public void setCollection(String collection) {
        this.collection = collection;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public int getQueueSize() {
        return queueSize;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    /** Where audit decisions are stored besides the log. */
    public enum Store {
        /** Nowhere but the log. */
        NONE,
        /** A MongoDB collection with a TTL index. */
        MONGO
    }
}
