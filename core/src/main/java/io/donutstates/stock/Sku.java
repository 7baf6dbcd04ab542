package io.donutstates.stock;

import java.util.regex.Pattern;

/** A product's stock-keeping unit, such as {@code CP-502101}. */
public record Sku(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Sku {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sku is required");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "sku must be 1-64 letters, digits, '.', '_' or '-' (got '" + shorten(value) + "')");
        }
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
