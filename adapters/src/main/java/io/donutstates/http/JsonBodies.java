package io.donutstates.http;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies as JSON objects whatever content type they came with (legacy clients and
 * some factory deployments send JSON as {@code text/plain}); problems throw IllegalArgumentException
 * with a message that names the field, answered as 400.
 */
public final class JsonBodies {

    public static final int MAX_BODY_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

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
            throw new IllegalArgumentException("request body is not valid JSON");
        }
        throw new IllegalArgumentException("request body must be a JSON object");
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

    public static int wholeNumber(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!(value instanceof Integer number)) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return number;
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
