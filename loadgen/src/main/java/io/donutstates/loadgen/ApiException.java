package io.donutstates.loadgen;

/** A control-plane call (stock, replenishments, admin) that failed; the message fits on one line. */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    public ApiException(String message) {
        super(message);
    }
}
