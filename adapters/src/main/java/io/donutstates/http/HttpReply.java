package io.donutstates.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP answer of the shop's API as status, JSON body and media type, built once and sent by
 * whichever runtime received the request (the Spring service or a Lambda handler).
 *
 * <p>Errors are RFC 9457 problem details ({@code application/problem+json}): {@code type} (a URI
 * stable per error word, see {@link #problemType}), {@code title} (the same for every error of that
 * type), {@code detail} (this occurrence, for people), and, for the clients written before, the
 * error word in {@code status} and the detail again in {@code message}. {@code status} stays the
 * upper-case word those clients read; RFC 9457 has a consumer ignore a member whose type is not the
 * one it defines, and the HTTP status code is the authority anyway.
 */
public record HttpReply(int status, Object body, String contentType) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Where every problem type of the shop lives; the error word, in lower case with dashes, follows. */
    public static final String PROBLEM_TYPE_BASE = "https://donut-states.io/problems/";

    /** A JSON answer that is no error (or is one of the shapes clients parse as a result). */
    public HttpReply(int status, Object body) {
        this(status, body, JSON);
    }

    public static HttpReply error(int status, String word, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problemType(word));
        body.put("title", problemTitle(word));
        body.put("status", word);
        body.put("detail", message);
        body.put("message", message);
        return new HttpReply(status, body, PROBLEM_JSON);
    }

    /** {@code UNKNOWN_PRODUCT} is {@code https://donut-states.io/problems/unknown-product}. */
    public static String problemType(String word) {
        return PROBLEM_TYPE_BASE + word.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code UNKNOWN_PRODUCT} is {@code Unknown product}: the same for every error of the word. */
    public static String problemTitle(String word) {
        String words = word.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Whether this is an error answer in the problem shape. */
    public boolean isProblem() {
        return PROBLEM_JSON.equals(contentType);
    }

    /**
     * This answer as the legacy {@code POST /send} has always given it: an error as plain JSON
     * {@code {"status","message"}}; any other answer unchanged.
     */
    public HttpReply legacy() {
        if (!isProblem() || !(body instanceof Map<?, ?> problem)) {
            return this;
        }
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("status", problem.get("status"));
        old.put("message", problem.get("message"));
        return new HttpReply(status, old, JSON);
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
