package io.donutstates.factory.simulator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates executors on virtual threads when the running JVM has them, platform threads otherwise. */
final class VirtualThreads {

    private VirtualThreads() {
    }

    /**
     * The module is compiled for Java 17, so the Java 21 factory method is looked up reflectively;
     * on older JVMs (or 19/20 without preview) a cached pool of daemon threads does the same job.
     */
    static ExecutorService newPerTaskExecutor(String namePrefix) {
        try {
            Object executor = Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            return (ExecutorService) executor;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Executors.newCachedThreadPool(daemonThreads(namePrefix));
        }
    }

    /** Daemon threads so that a forgotten simulator never keeps a test JVM or the launcher alive. */
    static ThreadFactory daemonThreads(String namePrefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, namePrefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
