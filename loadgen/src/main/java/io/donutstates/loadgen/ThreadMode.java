package io.donutstates.loadgen;

/**
 * Which kind of thread runs each buyer; AUTO: virtual threads where the JVM has them (21+). With
 * platform threads, a batch of answers arriving together wakes as many buyer threads at once, and
 * the time they wait for a core is counted as the server's latency.
 */
public enum ThreadMode {
    AUTO, PLATFORM, VIRTUAL;

    static ThreadMode fromCliName(String name) throws UsageException {
        for (ThreadMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new UsageException("--threads must be auto, platform or virtual, not '" + name + "'");
    }
}
