package io.donutstates.factory;

/**
 * The shop's own reference for a production order (the replenishment it refills), so the factory
 * port needs no word of how the shop tracks its requests.
 */
public record OrderReference(String value) {

    public OrderReference {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("order reference is required");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
