package io.policyauth.benchmarks.jmh;

import io.policyauth.web.RequiresPolicy;

/** The handlers the front benchmarks decide, as controllers declare them. */
final class FrontHandlers {

    private FrontHandlers() {
    }

    /** Handlers under a policy. */
    public static class Guarded {

        @RequiresPolicy("public")
        public String publicPolicy() {
            return "ok";
        }

        @RequiresPolicy("shared_api_key")
        public String sharedKey() {
            return "ok";
        }

        @RequiresPolicy("private")
        public String privateHs256() {
            return "ok";
        }
    }

    /** A handler no policy decides. */
    public static class Exempt {

        public String plain() {
            return "ok";
        }
    }
}
