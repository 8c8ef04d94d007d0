package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BackgroundTasksTests {

    @Test
    void tasksWaitForTheStartRunAgainAfterAFailureAndStopWithClose() throws InterruptedException {
        BackgroundTasks tasks = new BackgroundTasks(1);
        AtomicInteger runs = new AtomicInteger();
        tasks.scheduleRepeatedly("counting", Duration.ofMillis(20), () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the first run fails");
            }
        });

        Thread.sleep(100);
        assertThat(runs).as("nothing runs before start").hasValue(0);

        tasks.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        assertThat(tasks.isRunning()).isTrue();

        tasks.close();
        int afterClose = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).isLessThanOrEqualTo(afterClose + 1);
        assertThat(tasks.isRunning()).isFalse();
        assertThatNoException().as("a late task during shutdown is ignored")
                .isThrownBy(() -> tasks.scheduleRepeatedly("late", Duration.ofSeconds(1), () -> { }));
    }
}
