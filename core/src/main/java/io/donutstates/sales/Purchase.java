package io.donutstates.sales;

import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;

/** A buyer's wish: this many of this product. */
public record Purchase(Sku sku, Quantity quantity) {

    /** No buyer takes a whole production run at once; larger asks are mistakes, not sales. */
    public static final int MAX_PER_PURCHASE = 1_000;

    public Purchase {
        if (sku == null || quantity == null) {
            throw new IllegalArgumentException("sku and quantity are required");
        }
        if (quantity.value() > MAX_PER_PURCHASE) {
            throw new IllegalArgumentException(
                    "quantity must be between 1 and " + MAX_PER_PURCHASE + " per purchase (got " + quantity.value() + ")");
        }
    }

    public static Purchase of(String sku, int quantity) {
        return new Purchase(Sku.of(sku), Quantity.of(quantity));
    }

    /** What identifies the purchase when a client retries it under the same idempotency key. */
    String fingerprint() {
        return sku.value() + "x" + quantity.value();
    }
}
