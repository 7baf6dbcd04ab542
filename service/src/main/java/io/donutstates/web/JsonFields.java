package io.donutstates.web;

import java.util.Map;

/** Reads fields of a request body with messages that name the field. */
public final class JsonFields {

    private JsonFields() {
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
}
