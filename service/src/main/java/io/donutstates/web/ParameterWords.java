package io.donutstates.web;

import java.time.temporal.Temporal;
import java.util.UUID;

/** Says in words what a request parameter should have been, for answers that must not name Java types. */
final class ParameterWords {

    private ParameterWords() {
    }

    static String mismatch(String name, Class<?> required, Object value) {
        String got = value == null ? "" : " (got '" + shorten(String.valueOf(value)) + "')";
        return name + " must be " + kind(required) + got;
    }

    static String kind(Class<?> type) {
        if (type == null) {
            return "of the documented form";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        return "of the documented form";
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
