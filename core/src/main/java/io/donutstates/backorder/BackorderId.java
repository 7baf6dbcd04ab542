package io.donutstates.backorder;

import java.util.UUID;

/** A backorder's public name: random, so one buyer cannot guess another's. */
public record BackorderId(UUID value) {

    public BackorderId {
        if (value == null) {
            throw new IllegalArgumentException("backorder id is required");
        }
    }

    public static BackorderId random() {
        return new BackorderId(UUID.randomUUID());
    }

    /** Reads an id as given in a path; a malformed one is bad input. */
    public static BackorderId parse(String text) {
        try {
            return new BackorderId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("backorder id must be a UUID (got " + text + ")");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
