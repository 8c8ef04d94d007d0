package io.policyauth.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.sun.tools.attach.VirtualMachine;

/**
 * Starts and stops async-profiler (from its Maven Central jar, on this jar's class path) in a running
 * JVM through the attach API: CPU samples every millisecond, Java and native frames and the
 * kernel's, written as a JFR recording that {@link ProfileSteps} reads.
 *
 * <pre>
 * java -cp benchmarks.jar io.policyauth.benchmarks.load.SamplingProfiler start PID dir/recording.jfr
 * java -cp benchmarks.jar io.policyauth.benchmarks.load.SamplingProfiler stop PID dir/recording.jfr
 * </pre>
 */
public final class SamplingProfiler {

    private static final String LIBRARY = "linux-x64/libasyncProfiler.so";

    private SamplingProfiler() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("start") || args[0].equals("stop"))) {
            System.err.println("usage: SamplingProfiler start|stop PID recording.jfr");
            System.exit(2);
        }
        Path recording = Path.of(args[2]).toAbsolutePath();
        String options = args[0].equals("start") ? "start,event=cpu,interval=1ms,file=" + recording : "stop";
        VirtualMachine vm = VirtualMachine.attach(args[1]);
        try {
            vm.loadAgentPath(library(recording.getParent()).toString(), options);
        }
        finally {
            vm.detach();
        }
    }

    /* One copy per directory: the JVM would load a second copy from another path as another agent. */
    private static Path library(Path directory) throws IOException {
        Path library = directory.resolve("libasyncProfiler.so");
        if (Files.notExists(library)) {
            try (InputStream in = SamplingProfiler.class.getClassLoader().getResourceAsStream(LIBRARY)) {
                if (in == null) {
                    throw new IOException(LIBRARY + " is not on the class path (the async-profiler jar)");
                }
                Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return library;
    }
}
