package io.donutstates.stock;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A product's stock-keeping unit, such as {@code CP-502101}, always in its canonical form: without
 * surrounding white space and in upper case. {@code " cp-502101 "} is the same SKU as
 * {@code CP-502101}, so every lookup, comparison, stored row and answer uses the one spelling.
 */
public record Sku(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Sku {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sku is required");
        }
        String trimmed = value.strip();
        if (!SHAPE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "sku must be 1-64 letters, digits, '.', '_' or '-' (got '" + shorten(value) + "')");
        }
        // The shape admits ASCII letters only, so upper-casing cannot change the length or the shape.
        value = trimmed.toUpperCase(Locale.ROOT);
    }

    public static Sku of(String value) {
        return new Sku(value);
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    public String toString() {
        return value;
    }
}
