package io.donutstates.stock;

/**
 * A donut the shop sells, with its stock and its policy: when to reorder and across how many slots
 * its stock is kept. {@code stock} is the sum of every slot.
 */
public record Product(
        Sku sku,
        String name,
        int price,
        int stock,
        FactoryId factoryId,
        int reorderQuantity,
        int reorderPoint,
        int slots) {

    /** A product keeps its stock in at least one slot and at most this many. */
    public static final int MAX_SLOTS = 64;

    /** Whether stock has fallen to the level at which the factory should be asked for more. */
    public boolean needsReorder() {
        return stock <= reorderPoint;
    }

    public static int validSlots(int slots) {
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("slots must be between 1 and " + MAX_SLOTS + " (got " + slots + ")");
        }
        return slots;
    }
}
