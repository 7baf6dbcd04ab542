package io.donutstates.http;

import io.donutstates.stock.AdjustingStock;
import io.donutstates.stock.ProductView;
import io.donutstates.stock.ReorderPolicy;
import io.donutstates.stock.Sku;

/**
 * The operator's stock endpoints, answered the same by the service and the Lambda admin handler:
 * {@code PUT /api/admin/products/{sku}/stock} (a count) and {@code PUT /api/admin/products/{sku}/policy}
 * (the reorder rule and, optionally, the number of stock slots). Bad input throws
 * {@link IllegalArgumentException} with the message the runtime answers 400 with.
 */
public final class StockAdminEndpoints {

    private final AdjustingStock adjusting;

    public StockAdminEndpoints(AdjustingStock adjusting) {
        this.adjusting = adjusting;
    }

    public HttpReply setStock(String sku, String body) {
        Sku wanted = Sku.of(sku);
        int counted = JsonBodies.wholeNumber(JsonBodies.object(body), "stock");
        return adjusting.setStock(wanted, counted).map(p -> new HttpReply(200, ProductView.of(p)))
                .orElseGet(() -> ReadEndpoints.unknownProduct(wanted));
    }

    /** {@code slots} may be left out: the product keeps the slots it has. */
    public HttpReply changePolicy(String sku, String body) {
        Sku wanted = Sku.of(sku);
        var fields = JsonBodies.object(body);
        var policy = new ReorderPolicy(JsonBodies.wholeNumber(fields, "reorderQuantity"),
                JsonBodies.wholeNumber(fields, "reorderPoint"));
        Integer slots = fields.containsKey("slots") ? JsonBodies.wholeNumber(fields, "slots") : null;
        return adjusting.changePolicy(wanted, policy, slots).map(p -> new HttpReply(200, ProductView.of(p)))
                .orElseGet(() -> ReadEndpoints.unknownProduct(wanted));
    }
}
