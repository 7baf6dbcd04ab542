package io.donutstates.stock;

/** A donut the shop sells, with its stock and its replenishment policy. */
public record Product(
        Sku sku,
        String name,
        int price,
        int stock,
        FactoryId factoryId,
        int reorderQuantity,
        int reorderPoint) {

    /** Whether stock has fallen to the level at which the factory should be asked for more. */
    public boolean needsReorder() {
        return stock <= reorderPoint;
    }
}
