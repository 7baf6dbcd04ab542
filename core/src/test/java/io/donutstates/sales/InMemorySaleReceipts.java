package io.donutstates.sales;

import io.donutstates.shared.RollsBack;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Idempotency receipts in memory: a key is claimed once, like the table's primary key. */
public final class InMemorySaleReceipts implements SaleReceipts, RollsBack {

    private final Map<String, Receipt> receipts = new HashMap<>();

    @Override
    public synchronized boolean claim(String key, String fingerprint, Instant at) {
        return receipts.putIfAbsent(key, new Receipt(fingerprint, null)) == null;
    }

    @Override
    public synchronized void complete(String key, SaleResult result) {
        receipts.computeIfPresent(key, (k, claimed) -> new Receipt(claimed.fingerprint(), result));
    }

    @Override
    public synchronized Optional<Receipt> find(String key) {
        return Optional.ofNullable(receipts.get(key));
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new HashMap<>(receipts);
        return () -> {
            synchronized (this) {
                receipts.clear();
                receipts.putAll(saved);
            }
        };
    }
}
