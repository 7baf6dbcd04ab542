package io.donutstates.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer of the shop's API as status and JSON body, built once and sent by whichever
 * runtime received the request (the Spring service or a Lambda handler).
 */
public record HttpReply(int status, Object body) {

    public static HttpReply error(int status, String word, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", word);
        body.put("message", message);
        return new HttpReply(status, body);
    }

    /** How long a client is asked to wait ({@code Retry-After}) after a {@code 503}. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** The database could not be reached in time: nothing happened, and the client may try again. */
    public static HttpReply databaseUnavailable() {
        return error(503, "DATABASE_UNAVAILABLE",
                "the shop's database cannot be reached right now; nothing was changed; try again in a few seconds");
    }

    public static HttpReply badRequest(String message) {
        return error(400, "BAD_REQUEST", message);
    }

    public static HttpReply methodNotAllowed(String method) {
        return error(405, "METHOD_NOT_ALLOWED", "Request method '" + method + "' is not supported");
    }
}
