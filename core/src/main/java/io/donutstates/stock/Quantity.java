package io.donutstates.stock;

/** A positive number of donuts, as sold, ordered or delivered. */
public record Quantity(int value) {

    public static final int MAX = 1_000_000;

    public Quantity {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX + " (got " + value + ")");
        }
    }

    public static Quantity of(int value) {
        return new Quantity(value);
    }

    /** Reads a count sent as a JSON number or a numeric string, as legacy clients do. */
    public static Quantity parse(Object raw, String field) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            long value = ((Number) raw).longValue();
            if (value < 1 || value > MAX) {
                throw new IllegalArgumentException(field + " must be between 1 and " + MAX + " (got " + value + ")");
            }
            return new Quantity((int) value);
        }
        if (raw instanceof String text && text.strip().matches("\\d{1,7}")) {
            return parse(Integer.parseInt(text.strip()), field);
        }
        if (raw == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        throw new IllegalArgumentException(field + " must be a whole number between 1 and " + MAX);
    }
}
