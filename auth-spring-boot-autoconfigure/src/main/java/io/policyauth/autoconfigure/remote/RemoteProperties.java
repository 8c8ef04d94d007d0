package io.policyauth.autoconfigure.remote;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.policyauth.autoconfigure.RequirementsProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.policyauth.remote.RemotePolicySettings;

/** Remote policies, under {@code policy-auth.remote.<name>}. */
@ConfigurationProperties("policy-auth")
public class RemoteProperties {

    /**
     * Policies that ask a team's own HTTP authorizer, by policy name: each entry registers a
     * policy of that name.
     */
    private Map<String, Remote> remote = new LinkedHashMap<>();

    public Map<String, Remote> getRemote() {
        return remote;
    }

    public void setRemote(Map<String, Remote> remote) {
        this.remote = remote;
    }

    /**
     * A policy that delegates the decision to an HTTP authorizer: the request's credentials, method
     * and path are POSTed to the endpoint, which answers with the caller's roles or a denial.
     */
    public static class Remote extends RequirementsProperties {

        /** Authorizer URL (http or https) that receives the POST. Required. */
        private URI endpoint;

        /**
         * Request headers copied to the authorizer besides Authorization, which is always copied.
         * Headers not listed here are never sent.
         */
        private List<String> forwardHeaders = new ArrayList<>();

        /** Time limit of connecting to the authorizer and, separately, of receiving its answer; then 503. */
        private Duration timeout = Duration.ofMillis(500);

        /** How long an answer (grant, 401 or 403) is reused for the same credentials and request; 0 turns caching off. */
        private Duration cacheTtl = Duration.ZERO;

        /** Most answers held in the cache. */
        private int cacheSize = 10_000;

        /**
         * Whether the request body is sent to the authorizer as "body": byte for byte what the
         * handler reads, decoded with its declared charset (415 when that cannot be done).
         */
        private boolean includeBody;

        /** Largest request body sent to the authorizer; a larger body is refused (413) without asking. */
        private DataSize maxBodySize = DataSize.ofKilobytes(8);

        /** Whether the authorizer's "error" text is shown to the client; by default a generic sentence is. */
        private boolean exposeReason;

        /**
         * Most questions waiting on the authorizer at once; beyond it a request gets 503 with
         * Retry-After without asking, so a flood of made-up credentials cannot pile up on it.
         * Cached answers never wait.
         */
        private int maxConcurrentRequests = RemotePolicySettings.DEFAULT_MAX_CONCURRENT_REQUESTS;

        public int getMaxConcurrentRequests() {
            return maxConcurrentRequests;
        }

        public void setMaxConcurrentRequests(int maxConcurrentRequests) {
            this.maxConcurrentRequests = maxConcurrentRequests;
        }

        public URI getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(URI endpoint) {
            this.endpoint = endpoint;
        }

        public List<String> getForwardHeaders() {
            return forwardHeaders;
        }

        public void setForwardHeaders(List<String> forwardHeaders) {
            this.forwardHeaders = forwardHeaders;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public int getCacheSize() {
            return cacheSize;
        }

        public void setCacheSize(int cacheSize) {
            this.cacheSize = cacheSize;
        }

        public boolean isIncludeBody() {
            return includeBody;
        }

        public void setIncludeBody(boolean includeBody) {
            this.includeBody = includeBody;
        }

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public boolean isExposeReason() {
            return exposeReason;
        }

        public void setExposeReason(boolean exposeReason) {
            this.exposeReason = exposeReason;
        }
    }
}
