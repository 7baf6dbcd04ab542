package io.donutstates.http;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies as JSON objects, for every runtime (the service's servlet and controllers, the
 * Lambda handlers). An object that names a field twice is refused: two readers could otherwise take
 * different values from one body. Whether the content type must say JSON is the endpoint's choice
 * (see {@link JsonContentType}); the factory callback takes JSON sent as {@code text/plain}. Problems
 * throw IllegalArgumentException with a message that names the field, answered as 400.
 */
public final class JsonBodies {

    public static final int MAX_BODY_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate .*?\"(.{1,64}?)\"");

    private JsonBodies() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("request body must be a JSON object; it was empty");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("request body is larger than " + MAX_BODY_CHARS + " characters");
        }
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException(unreadable(e));
        }
        throw new IllegalArgumentException("request body must be a JSON object");
    }

    private static String unreadable(JacksonException e) {
        String reason = e.getOriginalMessage();
        if (reason != null && reason.startsWith("Duplicate")) {
            Matcher name = DUPLICATE.matcher(reason);
            return name.find()
                    ? "request body names the field '" + name.group(1) + "' more than once"
                    : "request body names a field more than once";
        }
        return "request body is not valid JSON";
    }

    public static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return text;
    }

    /**
     * A field that must be a JSON integer: {@code 7}, never {@code "7"}, {@code 7.0} or {@code true}.
     * An integer beyond the range of {@code int} is refused here; the caller checks its own range.
     */
    public static int wholeNumber(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof Long || value instanceof BigInteger) {
            throw new IllegalArgumentException(field + " is too large (got " + shorten(value.toString()) + ")");
        }
        if (value instanceof String) {
            throw new IllegalArgumentException(field + " must be a JSON integer such as 1, without quotes");
        }
        throw new IllegalArgumentException(field + " must be a whole number (a JSON integer such as 1)");
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
