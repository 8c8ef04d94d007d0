package io.policyauth.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a CPU profile of the load app ({@code PROFILE=dir benchmarks/load/run.sh}, recorded by
 * {@link SamplingProfiler}) and says where a request's CPU goes: the call tree under policy-auth's
 * front (the interceptor, or the web filter and the decision in its pipeline; the direct endpoints'
 * filter; the argument resolver), and,
 * against a profile of the same request to the unprotected endpoint, the methods whose inclusive
 * cost differs most. Shares are of all the app's samples, turned into microseconds per request with
 * the app's CPU per request measured over the same recording; a sampling profile is good to about a
 * tenth of a microsecond here.
 *
 * <pre>
 * java -cp benchmarks.jar io.policyauth.benchmarks.load.ProfileSteps variant.jfr cpu-us [baseline.jfr cpu-us]
 * </pre>
 */
public final class ProfileSteps {

    /** Frames where policy-auth's own work on a request starts. */
    private static final Set<String> ROOTS = Set.of(
            "io.policyauth.web.servlet.PolicyInterceptor.preHandle",
            "io.policyauth.web.reactive.PolicyWebFilter.filter",
            // WebFlux decides in the pipeline the filter assembled, after filter() returned.
            "io.policyauth.web.reactive.HandlerDecider.decide",
            "io.policyauth.web.servlet.ServletDirectEndpointsFilter.doFilterInternal",
            "io.policyauth.web.reactive.ReactiveDirectEndpointsFilter.filter",
            "io.policyauth.web.servlet.AuthenticatedUserArgumentResolver.resolveArgument",
            "io.policyauth.web.reactive.ReactiveAuthenticatedUserArgumentResolver.resolveArgument");

    /*
     * The steps of a decided request, each the samples under the front that pass through any of its
     * methods: the rows of the attribution table in benchmarks/README.md.
     */
    private static final List<List<String>> STEPS = List.of(
            List.of("the policy's own check", "io.policyauth.core.PublicExecutor.execute",
                    "io.policyauth.network.InternalExecutor.execute",
                    "io.policyauth.apikey.SharedApiKeyExecutor.execute",
                    "io.policyauth.apikey.DbApiKeyExecutor.execute", "io.policyauth.jwt.PrivateExecutor.execute"),
            List.of("of which the credential read (header, syntax)", "io.policyauth.core.BearerTokens.read",
                    "io.policyauth.apikey.ApiKeyHeader.read", "io.policyauth.apikey.ApiKeyFormat.isWellFormed"),
            List.of("of which the verified-token or key cache", "io.policyauth.jwt.VerifiedTokenCache.get",
                    "io.policyauth.apikey.ApiKeyLookup.find"),
            List.of("WebFlux: whether the policy may block", "io.policyauth.apikey.DbApiKeyExecutor.mayBlock",
                    "io.policyauth.jwt.PrivateExecutor.mayBlock"),
            List.of("metrics (counter and timer)", "io.policyauth.core.DecisionMetrics.record",
                    "io.policyauth.core.DecisionMetrics.onDecision"),
            List.of("the application event", "io.policyauth.audit.ApplicationEventDecisionPublisher.onDecision"),
            List.of("the event built (time, client address, caller)", "java.time.Clock$SystemClock.instant",
                    "io.policyauth.network.ClientAddressResolver.clientAddress",
                    "io.policyauth.core.AuthDecisionEvent.<init>", "io.policyauth.core.AuthenticatedUser.binding"),
            List.of("the other listeners (audit line, API key usage)", "io.policyauth.audit.AuditLogSink.onDecision",
                    "io.policyauth.apikey.UsageRecorder.onDecision"),
            List.of("the request context", "io.policyauth.web.servlet.ServletRequestContexts.from",
                    "io.policyauth.web.reactive.ReactiveRequestContexts.from"),
            List.of("the handler's policy looked up", "io.policyauth.web.EffectivePolicies.forHandler"),
            List.of("request attributes (servlet)", "org.apache.catalina.connector.RequestFacade.setAttribute"));

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /* Below this a line says nothing a sampling profile of a few seconds can back. */
    private static final double SMALLEST_US = 0.05;

    private ProfileSteps() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: ProfileSteps variant.jfr cpu-us-per-request [baseline.jfr cpu-us-per-request]");
            System.exit(2);
        }
        Profile variant = Profile.read(Path.of(args[0]), Double.parseDouble(args[1]));
        System.out.printf(Locale.ROOT, "%d samples, %.1f us of app CPU per request%n%n", variant.samples,
                variant.cpuPerRequest);
        System.out.println("| policy-auth's steps (inclusive) | share of samples | us per request |");
        System.out.println("|---|---:|---:|");
        variant.printTree(variant.tree, 0);
        System.out.println();
        System.out.println("| step under the front | us per request |");
        System.out.println("|---|---:|");
        System.out.printf(Locale.ROOT, "| the front, everything below it | %.2f |%n", variant.us(variant.tree.count));
        for (int i = 0; i < STEPS.size(); i++) {
            System.out.printf(Locale.ROOT, "| %s | %.2f |%n", STEPS.get(i).get(0), variant.us(variant.steps[i]));
        }
        if (args.length == 4) {
            Profile baseline = Profile.read(Path.of(args[2]), Double.parseDouble(args[3]));
            System.out.printf(Locale.ROOT, "%nAgainst the same request unprotected (%.1f us of app CPU per request, "
                    + "%+.1f us)%n%n", baseline.cpuPerRequest, variant.cpuPerRequest - baseline.cpuPerRequest);
            compare("threads (digits dropped from their names)", variant.byThread, baseline.byThread, variant,
                    baseline, 0.1, 20);
            compare("methods, inclusive", variant.inclusive, baseline.inclusive, variant, baseline, 0.2, 25);
            compare("methods, self (the leaf frame)", variant.self, baseline.self, variant, baseline, 0.1, 25);
        }
    }

    private static void compare(String title, Map<String, Integer> variantCounts, Map<String, Integer> baselineCounts,
            Profile variant, Profile baseline, double smallest, int rows) {
        System.out.printf(Locale.ROOT,
                "| %s, largest differences first | us per request | unprotected | difference |%n", title);
        System.out.println("|---|---:|---:|---:|");
        Set<String> keys = new HashSet<>(variantCounts.keySet());
        keys.addAll(baselineCounts.keySet());
        keys.stream()
                .map(key -> new Difference(key, variant.us(variantCounts, key), baseline.us(baselineCounts, key)))
                .filter(difference -> Math.abs(difference.change()) >= smallest)
                .sorted((a, b) -> Double.compare(Math.abs(b.change()), Math.abs(a.change())))
                .limit(rows)
                .forEach(difference -> System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f |%n",
                        difference.key(), difference.variant(), difference.baseline(), difference.change()));
        System.out.println();
    }

    private record Difference(String key, double variant, double baseline) {

        double change() {
            return variant - baseline;
        }
    }

    private static final class Profile {

        private final double cpuPerRequest;
        private final Node tree = new Node("policy-auth on the request path");
        private final Map<String, Integer> inclusive = new HashMap<>();
        private final Map<String, Integer> self = new HashMap<>();
        private final Map<String, Integer> byThread = new HashMap<>();
        private final int[] steps = new int[STEPS.size()];
        private int samples;

        private Profile(double cpuPerRequest) {
            this.cpuPerRequest = cpuPerRequest;
        }

        static Profile read(Path file, double cpuPerRequest) throws IOException {
            Profile profile = new Profile(cpuPerRequest);
            try (RecordingFile recording = new RecordingFile(file)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    if (event.getEventType().getName().equals("jdk.ExecutionSample")
                            && event.getStackTrace() != null) {
                        RecordedThread thread = event.getThread("sampledThread");
                        profile.add(event.getStackTrace().getFrames(),
                                thread == null ? "?" : DIGITS.matcher(thread.getJavaName() == null
                                        ? thread.getOSName() : thread.getJavaName()).replaceAll(""));
                    }
                }
            }
            return profile;
        }

        double us(Map<String, Integer> counts, String key) {
            return us(counts.getOrDefault(key, 0));
        }

        double us(int count) {
            return cpuPerRequest * count / samples;
        }

        /* Frames leaf first; each method counted once per sample, however often it recurs. */
        private void add(List<RecordedFrame> frames, String thread) {
            samples++;
            byThread.merge(thread, 1, Integer::sum);
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            int root = -1;
            for (int i = frames.size() - 1; i >= 0; i--) {
                String name = name(frames.get(i));
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
                if (root < 0 && ROOTS.contains(name)) {
                    root = i;
                }
            }
            if (root >= 0) {
                addPath(frames, root);
                for (int step = 0; step < STEPS.size(); step++) {
                    if (STEPS.get(step).stream().skip(1).anyMatch(seen::contains)) {
                        steps[step]++;
                    }
                }
            }
        }

        private void addPath(List<RecordedFrame> frames, int root) {
            tree.count++;
            Node node = tree;
            Set<String> seen = new HashSet<>();
            for (int i = root; i >= 0; i--) {
                String name = name(frames.get(i));
                if (seen.add(name)) {
                    node = node.children.computeIfAbsent(name, Node::new);
                    node.count++;
                }
            }
        }

        private void printTree(Node node, int depth) {
            double us = us(node.count);
            if (us < SMALLEST_US || depth > 8) {
                return;
            }
            System.out.printf(Locale.ROOT, "| %s%s | %.1f%% | %.2f |%n", "&nbsp;".repeat(depth * 2),
                    shorten(node.name), 100.0 * node.count / samples, us);
            List<Node> children = new ArrayList<>(node.children.values());
            children.sort((a, b) -> Integer.compare(b.count, a.count));
            children.forEach(child -> printTree(child, depth + 1));
        }
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    /* io.policyauth.web.servlet.PolicyInterceptor.preHandle -> PolicyInterceptor.preHandle */
    private static String shorten(String frame) {
        int method = frame.lastIndexOf('.');
        int type = method < 0 ? -1 : frame.lastIndexOf('.', method - 1);
        return type < 0 ? frame : frame.substring(type + 1);
    }

    private static final class Node {

        private final String name;
        private final Map<String, Node> children = new LinkedHashMap<>();
        private int count;

        Node(String name) {
            this.name = name;
        }
    }
}
