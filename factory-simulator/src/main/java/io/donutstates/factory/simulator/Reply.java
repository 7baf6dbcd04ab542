package io.donutstates.factory.simulator;

import java.util.Map;

/** A JSON answer to write: status, body (serialised by Jackson) and extra headers. */
record Reply(int status, Object body, Map<String, String> headers) {

    static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    static Reply of(int status, Object body) {
        return new Reply(status, body, Map.of());
    }

    static Reply error(int status, String message, Map<String, String> headers) {
        return new Reply(status, Map.of("message", message), headers);
    }
}
