package io.donutstates.sales;

import io.donutstates.web.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How the Sales API answers each sale result. */
final class SaleAnswers {

    private SaleAnswers() {
    }

    static ResponseEntity<?> of(SaleResult result) {
        if (result instanceof SaleResult.Sold sold) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new SoldView(sold.saleId(), sold.sku().value(),
                    sold.quantity(), "SOLD", sold.remainingStock()));
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
            return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
        }
        if (result instanceof SaleResult.UnknownProduct unknown) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new ApiError("UNKNOWN_PRODUCT", "no product with sku " + unknown.sku()));
        }
        var reused = (SaleResult.KeyReused) result;
        return ResponseEntity.unprocessableContent().body(new ApiError("IDEMPOTENCY_KEY_REUSED",
                "Idempotency-Key " + reused.key() + " was used before for a different purchase"));
    }

    /** A completed sale. */
    record SoldView(long id, String sku, int quantity, String status, int remainingStock) { }
}
