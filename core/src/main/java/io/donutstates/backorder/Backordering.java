package io.donutstates.backorder;

import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.sales.Checkout;
import io.donutstates.sales.Purchase;
import io.donutstates.sales.SaleResult;
import io.donutstates.sales.SellingOnce;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.Stock;
import java.time.Clock;
import java.time.Duration;

/**
 * Use case: a purchase whose buyer will wait. It is sold as any purchase is; when the shelf cannot
 * serve it, the buyer joins the product's line of backorders instead of leaving. The backorder is
 * placed with the product's shelf held, so it cannot miss a delivery that lands in between: if
 * stock came back since the refusal, the line is served from the shelf at once, first come first
 * served, so the answer may show the backorder already fulfilled. Under an idempotency key a retry
 * finds the backorder placed before (without its secret, which is given once).
 */
public class Backordering {

    private final Checkout checkout;
    private final SellingOnce sellingOnce;
    private final FulfillingBackorders fulfilling;
    private final Stock stock;
    private final Backorders backorders;
    private final BackorderPolicies policies;
    private final StartingReplenishment replenishing;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration defaultExpiry;

    public Backordering(Checkout checkout, SellingOnce sellingOnce, FulfillingBackorders fulfilling, Stock stock,
                        Backorders backorders, BackorderPolicies policies, StartingReplenishment replenishing,
                        Transactions transactions, Clock clock, Duration defaultExpiry) {
        this.checkout = checkout;
        this.sellingOnce = sellingOnce;
        this.fulfilling = fulfilling;
        this.stock = stock;
        this.backorders = backorders;
        this.policies = policies;
        this.replenishing = replenishing;
        this.transactions = transactions;
        this.clock = clock;
        this.defaultExpiry = defaultExpiry;
    }

    /** What a purchase that may wait came to. */
    public sealed interface Outcome {
    }

    /** Sold, refused for another reason than stock, or the key was reused: as any purchase. */
    public record Sale(SaleResult result) implements Outcome {
    }

    /**
     * The buyer waits: {@code secret} cancels the backorder (null when a retry found it placed
     * before); {@code replenishment} is the product's open one (null when the backorder has ended).
     */
    public record Backordered(Backorder backorder, String secret, Replenishment replenishment) implements Outcome {
    }

    /** @param idempotencyKey may be null; given, a retry sells or places at most once */
    public Outcome sell(Purchase purchase, BackorderRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            SellingOnce.validKey(idempotencyKey);
        }
        SaleResult result = idempotencyKey == null ? checkout.sell(purchase) : sellingOnce.sell(idempotencyKey, purchase);
        if (!(result instanceof SaleResult.OutOfStock)) {
            return new Sale(result);
        }
        return transactions.inTransaction(() -> place(purchase, request, idempotencyKey));
    }

    private Outcome place(Purchase purchase, BackorderRequest request, String idempotencyKey) {
        var shelf = stock.lock(purchase.sku());
        if (shelf.isEmpty()) {
            return new Sale(new SaleResult.UnknownProduct(purchase.sku()));
        }
        var product = shelf.get().product();
        if (idempotencyKey != null) {
            var placed = backorders.findByKey(idempotencyKey);
            if (placed.isPresent()) {
                var backorder = placed.get();
                return new Backordered(backorder, null,
                        backorder.isWaiting() ? replenishing.ensureUnderWay(product) : null);
            }
        }
        var now = clock.instant();
        var expireAfter = policies.policyOf(purchase.sku()).map(BackorderPolicy::expireAfter).orElse(defaultExpiry);
        String secret = BackorderSecret.create();
        var backorder = backorders.add(Backorder.waiting(BackorderId.random(), purchase.sku(), purchase.quantity(),
                BackorderSecret.hash(secret), request.notifyUrl(), idempotencyKey, now, now.plus(expireAfter)));
        var replenishment = replenishing.ensureUnderWay(product);
        if (shelf.get().total() > 0) {
            // Stock came back between the refusal and now (a delivery, an adjustment): the line is
            // served from it in arrival order, this backorder included if its turn comes.
            fulfilling.serveFrom(purchase.sku(), null, now);
            backorder = backorders.find(backorder.id()).orElseThrow();
        }
        return new Backordered(backorder, secret, backorder.isWaiting() ? replenishment : null);
    }
}
