package io.donutstates.stock;

/**
 * A product's min/max reorder rule: when a sale leaves stock at or below {@code reorderPoint} (or a
 * buyer is refused), the factory is asked for {@code reorderQuantity} more.
 */
public record ReorderPolicy(int reorderQuantity, int reorderPoint) {

    public ReorderPolicy {
        if (reorderQuantity < 1 || reorderQuantity > Quantity.MAX) {
            throw new IllegalArgumentException("reorderQuantity must be between 1 and " + Quantity.MAX);
        }
        if (reorderPoint < 0 || reorderPoint > Quantity.MAX) {
            throw new IllegalArgumentException("reorderPoint must be between 0 and " + Quantity.MAX);
        }
    }
}
