package io.donutstates.stock;

/** One slot of a product's stock: the unit whose ledger lines carry a running balance. */
public record StockSlot(Sku sku, int slot) {

    public StockSlot {
        if (slot < 0 || slot >= Product.MAX_SLOTS) {
            throw new IllegalArgumentException("no slot " + slot + " for " + sku);
        }
    }

    @Override
    public String toString() {
        return sku.value() + "#" + slot;
    }
}
