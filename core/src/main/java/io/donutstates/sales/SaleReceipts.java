package io.donutstates.sales;

import java.time.Instant;
import java.util.Optional;

/** The answers given under idempotency keys, kept so a retried purchase gets the first answer. */
public interface SaleReceipts {

    /**
     * Claims the key for this purchase inside the current transaction; false if the key exists.
     * A concurrent claim of the same key waits for the first to commit or roll back.
     */
    boolean claim(String key, String fingerprint, Instant at);

    void complete(String key, SaleResult result);

    Optional<Receipt> find(String key);

    /** What was answered under a key. */
    record Receipt(String fingerprint, SaleResult result) { }
}
