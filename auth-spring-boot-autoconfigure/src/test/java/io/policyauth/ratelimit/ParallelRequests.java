package io.policyauth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.policyauth.web.HttpTestClient;

/** Requests sent from parallel threads, alternating between instances, as load reaches replicas. */
public final class ParallelRequests {

    private static final int THREADS = 8;

    private ParallelRequests() {
    }

    /**
     * @param clients one client per instance
     * @param requests how many to send
     * @param request sends one request through a client
     * @return how many got 200; every other answer must be a 429
     */
    public static int admitted(List<HttpTestClient> clients, int requests,
            Function<HttpTestClient, HttpResponse<String>> request) throws Exception {
        AtomicInteger admitted = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                HttpTestClient client = clients.get(i % clients.size());
                sent.add(threads.submit(() -> {
                    HttpResponse<String> answer = request.apply(client);
                    if (answer.statusCode() == 200) {
                        admitted.incrementAndGet();
                    }
                    else if (answer.statusCode() != 429) {
                        unexpected.add(answer.statusCode() + " " + answer.body());
                    }
                }));
            }
            for (Future<?> answer : sent) {
                answer.get();
            }
        }
        finally {
            threads.shutdown();
        }
        assertThat(unexpected).as("answers other than 200 and 429").isEmpty();
        return admitted.get();
    }
}
