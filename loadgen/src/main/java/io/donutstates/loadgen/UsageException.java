package io.donutstates.loadgen;

/** A command line that cannot be run; the message says why and the caller prints the usage. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
