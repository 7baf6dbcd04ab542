package io.donutstates.ops;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A reading taken once a second on a daemon thread of its own while the application runs, so that
 * whoever asks (health, gauges, dashboards) gets the latest one without waiting.
 */
abstract class EverySecond implements SmartLifecycle {

    private final String threadName;
    private ScheduledExecutorService scheduler;

    EverySecond(String threadName) {
        this.threadName = threadName;
    }

    /** One reading; must not throw. */
    abstract void takeReading();

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::takeReading, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
