package io.policyauth.autoconfigure;

import org.springframework.context.SmartLifecycle;

import io.policyauth.core.BackgroundTasks;

/**
 * Starts policy-auth's background tasks once the context is ready, and stops them when it closes,
 * before beans are destroyed (which then write what they still hold themselves).
 */
final class BackgroundTasksLifecycle implements SmartLifecycle {

    private final BackgroundTasks tasks;

    BackgroundTasksLifecycle(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void start() {
        tasks.start();
    }

    @Override
    public void stop() {
        tasks.close();
    }

    @Override
    public boolean isRunning() {
        return tasks.isRunning();
    }
}
