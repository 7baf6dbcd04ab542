package io.donutstates.http;

import io.donutstates.backorder.BackorderViews;
import io.donutstates.backorder.WaitingDemand;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.ReplenishmentStatus;
import io.donutstates.replenishment.ReplenishmentView;
import io.donutstates.replenishment.ReplenishmentViews;
import io.donutstates.stock.MovementView;
import io.donutstates.stock.Product;
import io.donutstates.stock.ProductView;
import io.donutstates.stock.Sku;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import java.util.List;
import java.util.Optional;

/**
 * The read endpoints anyone may call, from path and query values to answer, whichever runtime
 * received them: {@code GET /api/products}, {@code /api/products/{sku}}, {@code /api/products/{sku}/ledger},
 * {@code /api/replenishments} and {@code /api/replenishments/{id}}. Bad input throws
 * {@link IllegalArgumentException} with the message the runtime answers 400 with. A product shows its
 * waiting backorders, a delivered replenishment what it fulfilled: one more read per answer, along the
 * waiting (or the fulfilled) backorders alone. Readers of the catalog or of one product who arrive
 * together share one read ({@link CombinedReads}): two thousand readers of a product at once cost
 * the database a read or two, not two thousand waits for the read pool.
 */
public final class ReadEndpoints {

    private final Stock stock;
    private final StockLedger ledger;
    private final ReplenishmentViews replenishments;
    private final BackorderViews backorders;
    private final CombinedReads<Object, HttpReply> catalogReads = new CombinedReads<>();
    private static final Object WHOLE_CATALOG = new Object();

    /** Best over the read pool: a crowd of readers never takes a connection a purchase waits for. */
    public ReadEndpoints(Stock stock, StockLedger ledger, ReplenishmentViews replenishments,
                         BackorderViews backorders) {
        this.stock = stock;
        this.ledger = ledger;
        this.replenishments = replenishments;
        this.backorders = backorders;
    }

    /** {@code GET /api/products}: the catalog with live stock and each product's waiting backorders. */
    public HttpReply products() {
        return catalogReads.read(WHOLE_CATALOG, this::readProducts);
    }

    private HttpReply readProducts() {
        var products = stock.all();
        var waiting = backorders.waitingFor(products.stream().map(Product::sku).toList());
        return new HttpReply(200, products.stream()
                .map(p -> ProductView.of(p, waiting.getOrDefault(p.sku(), WaitingDemand.none(p.sku())))).toList());
    }

    /** {@code GET /api/products/{sku}}: with its waiting backorders. */
    public HttpReply product(String sku) {
        Sku wanted = Sku.of(sku);
        return catalogReads.read(wanted, () -> readProduct(wanted));
    }

    private HttpReply readProduct(Sku wanted) {
        return stock.find(wanted)
                .map(p -> new HttpReply(200, ProductView.of(p, backorders.waitingFor(List.of(wanted))
                        .getOrDefault(wanted, WaitingDemand.none(wanted)))))
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

    /** {@code GET /api/replenishments?sku=&limit=}: newest first, each delivered one with what it fulfilled. */
    public HttpReply replenishments(Optional<String> sku, int limit) {
        PageLimit.check(limit);
        var page = replenishments.list(sku.map(Sku::of), limit);
        var served = backorders.servedBy(page.stream().filter(ReadEndpoints::delivered).map(Replenishment::id)
                .toList());
        return new HttpReply(200, page.stream().map(r -> ReplenishmentView.of(r, served.get(r.id()))).toList());
    }

    /** {@code GET /api/replenishments/{id}}: with its notes and, delivered, what it fulfilled. */
    public HttpReply replenishment(String id) {
        var wanted = ReplenishmentId.parse(id);
        return replenishments.find(wanted)
                .map(r -> new HttpReply(200, ReplenishmentView.of(r, delivered(r)
                                ? backorders.servedBy(List.of(wanted)).get(wanted) : null)
                        .withNotes(replenishments.notes(wanted))))
                .orElseGet(() -> HttpReply.error(404, "UNKNOWN_REPLENISHMENT", "no replenishment " + id));
    }

    private static boolean delivered(Replenishment r) {
        return r.status() == ReplenishmentStatus.DELIVERED;
    }

    /** The answer for a product the shop does not sell, shared with the admin endpoints. */
    public static HttpReply unknownProduct(Sku sku) {
        return HttpReply.error(404, "UNKNOWN_PRODUCT", "no product with sku " + sku);
    }
}
