package io.donutstates.allinone;

import java.util.concurrent.CountDownLatch;

/** Keeps a standalone part running until the process is told to stop (Ctrl-C, SIGTERM), then closes it. */
final class UntilKilled {

    private UntilKilled() {
    }

    static void run(String name, AutoCloseable part) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println(name + " did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
        // The servers' threads may all be daemons, so main stays alive until the shutdown hook has run.
        stopped.await();
    }
}
