package io.donutstates.stock;

import io.donutstates.shared.RollsBack;
import java.util.ArrayList;
import java.util.List;

/** The append-only ledger in memory. */
public final class InMemoryStockLedger implements StockLedger, RollsBack {

    private final List<StockMovement> lines = new ArrayList<>();

    public synchronized List<StockMovement> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized void append(StockMovement movement) {
        lines.add(movement);
    }

    @Override
    public synchronized void appendAll(List<StockMovement> movements) {
        lines.addAll(movements);
    }

    @Override
    public synchronized List<StockMovement> history(Sku sku, int limit) {
        var newestFirst = new ArrayList<>(lines.stream().filter(m -> m.sku().equals(sku)).toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }

    @Override
    public synchronized Runnable checkpoint() {
        int size = lines.size();
        return () -> {
            synchronized (this) {
                lines.subList(size, lines.size()).clear();
            }
        };
    }
}
