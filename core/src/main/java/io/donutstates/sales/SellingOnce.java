package io.donutstates.sales;

import io.donutstates.shared.Transactions;
import java.time.Clock;

/** Use case: a purchase retried under the same idempotency key sells at most once and gets the first answer. */
public class SellingOnce {

    private static final int MAX_KEY_LENGTH = 100;

    private final Selling selling;
    private final SaleReceipts receipts;
    private final Transactions transactions;
    private final Clock clock;

    public SellingOnce(Selling selling, SaleReceipts receipts, Transactions transactions, Clock clock) {
        this.selling = selling;
        this.receipts = receipts;
        this.transactions = transactions;
        this.clock = clock;
    }

    public static String validKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException(
                    "Idempotency-Key must be 1-" + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        return key;
    }

    public SaleResult sell(String key, Purchase purchase) {
        validKey(key);
        SaleResult fresh = transactions.inTransaction(() -> {
            if (!receipts.claim(key, purchase.fingerprint(), clock.instant())) {
                return null;
            }
            SaleResult result = selling.sellWithinTransaction(purchase);
            receipts.complete(key, result);
            return result;
        });
        if (fresh != null) {
            return fresh;
        }
        var receipt = receipts.find(key)
                .orElseThrow(() -> new IllegalStateException("receipt for key vanished"));
        return receipt.fingerprint().equals(purchase.fingerprint())
                ? receipt.result()
                : new SaleResult.KeyReused(key);
    }
}
