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

    public static HttpReply badRequest(String message) {
        return error(400, "BAD_REQUEST", message);
    }

    public static HttpReply methodNotAllowed(String method) {
        return error(405, "METHOD_NOT_ALLOWED", "Request method '" + method + "' is not supported");
    }
}
