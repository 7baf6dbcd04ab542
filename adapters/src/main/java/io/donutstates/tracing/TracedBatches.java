package io.donutstates.tracing;

import io.donutstates.replenishment.StartingReplenishment;
import io.donutstates.sales.Checkout;
import io.donutstates.sales.Purchase;
import io.donutstates.sales.SaleResult;
import io.donutstates.sales.Sales;
import io.donutstates.sales.SellingInBatches;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.Sku;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.time.Clock;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combined sales in the buyers' traces. A batch is sold by a lane worker, not on the buyers' threads,
 * so each buyer's context is kept while it waits ({@link #checkout}), and the batch is a span of the
 * first waiting buyer's trace with a link to every other buyer's: the replenishment a batch starts
 * (its outbox event) belongs to a trace that a buyer of the batch began.
 */
public final class TracedBatches {

    private final Map<Purchase, Context> waiting = Collections.synchronizedMap(new IdentityHashMap<>());
    private final ShopTracing tracing;

    public TracedBatches(ShopTracing tracing) {
        this.tracing = tracing;
    }

    /** The checkout, keeping each buyer's context while it waits for its batch. */
    public Checkout checkout(Checkout combined) {
        return new TracedCheckout(combined);
    }

    /** The combined checkout with each waiting buyer's trace context kept for its batch. */
    public final class TracedCheckout implements Checkout {

        private final Checkout combined;

        TracedCheckout(Checkout combined) {
            this.combined = combined;
        }

        /** The checkout that sells the batches. */
        public Checkout combined() {
            return combined;
        }

        @Override
        public io.donutstates.sales.SaleResult sell(Purchase purchase) {
            if (!Span.current().getSpanContext().isValid()) {
                return combined.sell(purchase);
            }
            waiting.put(purchase, Context.current());
            try {
                return combined.sell(purchase);
            } finally {
                waiting.remove(purchase);
            }
        }
    }

    /** The batch sale, each batch a span of its buyers' traces. */
    public SellingInBatches selling(Stock stock, Sales sales, StockLedger ledger, StartingReplenishment replenishing,
                                    Transactions transactions, Clock clock) {
        return new SellingInBatches(stock, sales, ledger, replenishing, transactions, clock) {
            @Override
            public List<SaleResult> sell(Sku sku, List<Purchase> purchases) {
                Context parent = null;
                var builder = tracing.tracer().spanBuilder("sell batch").setSpanKind(SpanKind.INTERNAL)
                        .setAttribute("donut.sku", sku.value())
                        .setAttribute("donut.batch_size", (long) purchases.size());
                for (Purchase purchase : purchases) {
                    Context buyer = waiting.get(purchase);
                    if (buyer == null) {
                        continue;
                    }
                    if (parent == null) {
                        parent = buyer;
                    } else {
                        builder.addLink(Span.fromContext(buyer).getSpanContext());
                    }
                }
                if (parent == null) {
                    return super.sell(sku, purchases);
                }
                builder.setParent(parent);
                return tracing.inSpan(builder, span -> super.sell(sku, purchases));
            }
        };
    }
}
