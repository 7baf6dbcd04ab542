package io.donutstates.http;

import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.ReplenishmentView;
import io.donutstates.replenishment.ReplenishmentViews;
import io.donutstates.stock.MovementView;
import io.donutstates.stock.ProductView;
import io.donutstates.stock.Sku;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import java.util.Optional;

/**
 * The read endpoints anyone may call, from path and query values to answer, whichever runtime
 * received them: {@code GET /api/products}, {@code /api/products/{sku}}, {@code /api/products/{sku}/ledger},
 * {@code /api/replenishments} and {@code /api/replenishments/{id}}. Bad input throws
 * {@link IllegalArgumentException} with the message the runtime answers 400 with.
 */
public final class ReadEndpoints {

    private final Stock stock;
    private final StockLedger ledger;
    private final ReplenishmentViews replenishments;

    /** Best over the read pool: a crowd of readers never takes a connection a purchase waits for. */
    public ReadEndpoints(Stock stock, StockLedger ledger, ReplenishmentViews replenishments) {
        this.stock = stock;
        this.ledger = ledger;
        this.replenishments = replenishments;
    }

    /** {@code GET /api/products}: the catalog with live stock. */
    public HttpReply products() {
        return new HttpReply(200, stock.all().stream().map(ProductView::of).toList());
    }

    /** {@code GET /api/products/{sku}}. */
    public HttpReply product(String sku) {
        Sku wanted = Sku.of(sku);
        return stock.find(wanted).map(p -> new HttpReply(200, ProductView.of(p)))
                .orElseGet(() -> unknownProduct(wanted));
    }

    /** {@code GET /api/products/{sku}/ledger?limit=}: the newest ledger lines first. */
    public HttpReply ledger(String sku, int limit) {
        Sku wanted = Sku.of(sku);
        PageLimit.check(limit);
        if (stock.find(wanted).isEmpty()) {
            return unknownProduct(wanted);
        }
        return new HttpReply(200, ledger.history(wanted, limit).stream().map(MovementView::of).toList());
    }

    /** {@code GET /api/replenishments?sku=&limit=}: newest first. */
    public HttpReply replenishments(Optional<String> sku, int limit) {
        PageLimit.check(limit);
        return new HttpReply(200, replenishments.list(sku.map(Sku::of), limit).stream()
                .map(ReplenishmentView::of).toList());
    }

    /** {@code GET /api/replenishments/{id}}: with its notes. */
    public HttpReply replenishment(String id) {
        var wanted = ReplenishmentId.parse(id);
        return replenishments.find(wanted)
                .map(r -> new HttpReply(200, ReplenishmentView.of(r).withNotes(replenishments.notes(wanted))))
                .orElseGet(() -> HttpReply.error(404, "UNKNOWN_REPLENISHMENT", "no replenishment " + id));
    }

    /** The answer for a product the shop does not sell, shared with the admin endpoints. */
    public static HttpReply unknownProduct(Sku sku) {
        return HttpReply.error(404, "UNKNOWN_PRODUCT", "no product with sku " + sku);
    }
}
