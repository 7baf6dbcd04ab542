package io.donutstates.stock;

/** A product as the API shows it: its stock is the sum of its slots. */
public record ProductView(String sku, String name, int price, int stock, String factoryId, int reorderQuantity,
                          int reorderPoint, int slots) {

    public static ProductView of(Product p) {
        return new ProductView(p.sku().value(), p.name(), p.price(), p.stock(), p.factoryId().value(),
                p.reorderQuantity(), p.reorderPoint(), p.slots());
    }
}
