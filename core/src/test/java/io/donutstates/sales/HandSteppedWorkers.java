package io.donutstates.sales;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Lane workers the test runs by hand, one task at a time in the order they were handed over, as a
 * pool of one worker would: nothing runs until the test says so.
 */
final class HandSteppedWorkers implements Executor {

    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private boolean refusing;

    @Override
    public void execute(Runnable task) {
        if (refusing) {
            throw new RejectedExecutionException("no lane worker left");
        }
        waiting.add(task);
    }

    /** Runs the task that has waited longest; false when none waits. */
    boolean runNext() {
        var task = waiting.poll();
        if (task == null) {
            return false;
        }
        task.run();
        return true;
    }

    /** Runs tasks, and those they hand over, until none is left. */
    void runAll() {
        while (runNext()) {
            // keep going
        }
    }

    int waitingTasks() {
        return waiting.size();
    }

    /** From now on no task is taken, as a pool that is shut down or full refuses it. */
    void refuse() {
        refusing = true;
    }
}
