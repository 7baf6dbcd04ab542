package io.donutstates.loadgen;

/** Which kind of thread runs each buyer; AUTO: platform threads for the socket client, virtual ones (if any) for the JDK client. */
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
