package io.donutstates.stock;

import io.donutstates.backorder.WaitingDemand;
import java.time.Instant;

/**
 * A product as the API shows it: its stock is the sum of its slots. {@code backorders}: its waiting
 * backorders, in the public catalog's answers ({@code GET /api/products}, {@code /api/products/{sku}});
 * left out of the operator's answers.
 */
public record ProductView(String sku, String name, int price, int stock, String factoryId, int reorderQuantity,
                          int reorderPoint, int slots, WaitingBackorders backorders) {

    public static ProductView of(Product p) {
        return new ProductView(p.sku().value(), p.name(), p.price(), p.stock(), p.factoryId().value(),
                p.reorderQuantity(), p.reorderPoint(), p.slots(), null);
    }

    /** The product with what its buyers wait for: how many backorders, how many donuts, since when. */
    public static ProductView of(Product p, WaitingDemand waiting) {
        return of(p).with(WaitingBackorders.of(waiting));
    }

    private ProductView with(WaitingBackorders waiting) {
        return new ProductView(sku, name, price, stock, factoryId, reorderQuantity, reorderPoint, slots, waiting);
    }

    /** A product's waiting backorders: how many, their donuts, and since when the oldest waits (none: absent). */
    public record WaitingBackorders(int waiting, int waitingDonuts, Instant oldestSince) {

        static WaitingBackorders of(WaitingDemand demand) {
            return new WaitingBackorders(demand.backorders(), demand.donuts(),
                    demand.backorders() > 0 ? demand.oldestSince() : null);
        }
    }
}
