package io.donutstates.loadgen;


import java.time.Duration;

/** The HTTP client implementations the buyers can use; {@link #SOCKET} measured fastest here. */
public enum ClientKind {
    SOCKET("socket"),
    JDK("jdk");

    private final String cliName;

    ClientKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public HttpTransport create(Duration timeout) {
        return this == SOCKET ? new SocketTransport(timeout) : new JdkTransport(timeout);
    }

    public static ClientKind fromCliName(String name) throws UsageException {
        for (ClientKind kind : values()) {
            if (kind.cliName.equals(name)) {
                return kind;
            }
        }
        throw new UsageException("--client must be socket or jdk, not '" + name + "'");
    }
}
