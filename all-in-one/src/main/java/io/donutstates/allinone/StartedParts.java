package io.donutstates.allinone;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * What the all-in-one has started (the embedded servers, then the service), stopped once, newest
 * first: by {@link #stopAndForget()}, or at JVM exit (Ctrl-C, SIGTERM) by the shutdown hook this
 * registers, so the service stops before the database and queues it uses.
 */
final class StartedParts {

    private final Deque<AutoCloseable> parts = new ConcurrentLinkedDeque<>();
    private final Thread atExit = new Thread(this::stop, "donut-shutdown");

    StartedParts() {
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    <T extends AutoCloseable> T add(T part) {
        parts.push(part);
        return part;
    }

    /** Stops what is running and no longer waits for the JVM's exit to do so. */
    void stopAndForget() {
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or about to: stop() below and the hook share the work
        }
        stop();
    }

    private void stop() {
        for (AutoCloseable part = parts.poll(); part != null; part = parts.poll()) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("could not stop " + part.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
