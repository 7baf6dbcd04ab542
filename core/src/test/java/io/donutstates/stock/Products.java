package io.donutstates.stock;

/** Named product fixtures. */
public final class Products {

    public static final FactoryId FACTORY = new FactoryId("FF-500293");

    private Products() {
    }

    /** A product that reorders 10 once its stock is gone. */
    public static Product aProductWithStock(String sku, int stock) {
        return aProduct(sku, stock, 10, 0);
    }

    public static Product aProduct(String sku, int stock, int reorderQuantity, int reorderPoint) {
        return new Product(Sku.of(sku), "Donut " + sku, 2500, stock, FACTORY, reorderQuantity, reorderPoint, 1);
    }

    /** A product that reorders 10 once its stock is gone, its stock spread over {@code slots} slots. */
    public static Product aProductInSlots(String sku, int stock, int slots) {
        return new Product(Sku.of(sku), "Donut " + sku, 2500, stock, FACTORY, 10, 0, slots);
    }
}
