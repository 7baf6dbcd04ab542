package io.donutstates.loadgen;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools for buyers: virtual threads when the running JVM has them, else platform threads. */
final class Threads {

    private Threads() {
    }

    /** Looked up reflectively because the module is compiled for Java 17, which has no virtual threads. */
    static Optional<ExecutorService> virtualPerTask() {
        try {
            return Optional.of((ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean virtualAvailable() {
        return virtualPerTask().map(e -> {
            e.shutdown();
            return true;
        }).orElse(false);
    }

    static ExecutorService platform(int threads, String prefix) {
        return Executors.newFixedThreadPool(threads, daemonFactory(prefix));
    }

    static ThreadFactory daemonFactory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true); // never keep the JVM alive after main has reported
            return t;
        };
    }
}
