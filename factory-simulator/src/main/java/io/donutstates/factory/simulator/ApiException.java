package io.donutstates.factory.simulator;

import java.util.Map;

/** An error answer: HTTP status plus the message sent as {@code {"message": ...}}. */
final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    ApiException(int status, String message, Map<String, String> headers) {
        // No stack trace: these are expected answers, not bugs, and must never reach a response anyway.
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
