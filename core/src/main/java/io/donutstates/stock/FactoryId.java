package io.donutstates.stock;

import java.util.regex.Pattern;

/** The factory that makes a product, by its identifier in the legacy contract, such as {@code FF-500293}. */
public record FactoryId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public FactoryId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("factory id must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
