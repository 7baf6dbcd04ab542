package io.donutstates.http;

import io.donutstates.sales.Purchase;
import io.donutstates.sales.SaleResult;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Sales API contract: {@code POST /api/sales} and the legacy {@code POST /send}, requests and answers. */
public final class SaleReplies {

    public static final String LEGACY_SOLD = "판매완료";
    public static final String LEGACY_OUT_OF_STOCK = "재고부족, 제품 생산 요청!";

    private SaleReplies() {
    }

    /** {@code {"sku":"CP-502101","quantity":1}}: the quantity a JSON integer, never a string. */
    public static Purchase purchase(Map<String, Object> body) {
        return new Purchase(Sku.of(JsonBodies.text(body, "sku")), Quantity.of(JsonBodies.wholeNumber(body, "quantity")));
    }

    /** The legacy body names one donut of {@code MessageAttributeProductId}; its other fields are not read. */
    public static Purchase legacyPurchase(Map<String, Object> body) {
        return new Purchase(Sku.of(JsonBodies.text(body, "MessageAttributeProductId")), Quantity.of(1));
    }

    public static HttpReply of(SaleResult result) {
        if (result instanceof SaleResult.Sold sold) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", sold.saleId());
            body.put("sku", sold.sku().value());
            body.put("quantity", sold.quantity());
            body.put("status", "SOLD");
            body.put("remainingStock", sold.remainingStock());
            return new HttpReply(201, body);
        }
        if (result instanceof SaleResult.OutOfStock out) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "OUT_OF_STOCK");
            body.put("sku", out.sku().value());
            body.put("requested", out.requested());
            body.put("available", out.available());
            body.put("message", "not enough stock; a replenishment from the factory is under way");
            body.put("replenishment", Map.of(
                    "id", out.replenishment().id().toString(),
                    "status", out.replenishment().status().name(),
                    "quantity", out.replenishment().quantity().value()));
            return new HttpReply(409, body);
        }
        if (result instanceof SaleResult.UnknownProduct unknown) {
            return HttpReply.error(404, "UNKNOWN_PRODUCT", "no product with sku " + unknown.sku());
        }
        var reused = (SaleResult.KeyReused) result;
        return HttpReply.error(422, "IDEMPOTENCY_KEY_REUSED",
                "Idempotency-Key " + reused.key() + " was used before for a different purchase");
    }

    /** The answers the course's clients expect: always 200 with the legacy message, 404 for no such product. */
    public static HttpReply legacy(SaleResult result) {
        if (result instanceof SaleResult.Sold) {
            return new HttpReply(200, Map.of("message", LEGACY_SOLD));
        }
        if (result instanceof SaleResult.OutOfStock) {
            return new HttpReply(200, Map.of("message", LEGACY_OUT_OF_STOCK));
        }
        var unknown = (SaleResult.UnknownProduct) result;
        return new HttpReply(404, Map.of("message", "no product with sku " + unknown.sku()));
    }
}
