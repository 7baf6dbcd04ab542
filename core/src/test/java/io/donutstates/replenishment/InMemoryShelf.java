package io.donutstates.replenishment;

import io.donutstates.stock.Product;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.ReorderPolicy;
import io.donutstates.stock.Sku;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.donutstates.stock.StockMovement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shelf and its ledger as a delivery sees them: donuts put on, and the line that says so. */
final class InMemoryShelf implements Stock, StockLedger {

    private final Map<Sku, Integer> onShelf = new HashMap<>();
    final List<StockMovement> ledger = new ArrayList<>();

    int stockOf(Sku sku) {
        return onShelf.getOrDefault(sku, 0);
    }

    @Override
    public int add(Sku sku, Quantity quantity) {
        return onShelf.merge(sku, quantity.value(), Integer::sum);
    }

    @Override
    public void append(StockMovement movement) {
        ledger.add(movement);
    }

    @Override
    public void appendAll(List<StockMovement> movements) {
        ledger.addAll(movements);
    }

    @Override
    public List<StockMovement> history(Sku sku, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Product> find(Sku sku) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Product> all() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Product> take(Sku sku, Quantity quantity) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Product> lockForSale(Sku sku) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void remove(Sku sku, int quantity) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean changePolicy(Sku sku, ReorderPolicy policy) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Integer> replace(Sku sku, int stock) {
        throw new UnsupportedOperationException();
    }
}
