package io.donutstates.sales;

import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import io.donutstates.web.JsonFields;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sales}: buy donuts; an {@code Idempotency-Key} makes a retry safe. */
@RestController
class SalesController {

    private final Selling selling;
    private final SellingOnce sellingOnce;

    SalesController(Selling selling, SellingOnce sellingOnce) {
        this.selling = selling;
        this.sellingOnce = sellingOnce;
    }

    @PostMapping(path = "/api/sales", consumes = "application/json")
    ResponseEntity<?> sell(@RequestBody Map<String, Object> body,
                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var purchase = new Purchase(Sku.of(JsonFields.text(body, "sku")),
                Quantity.parse(body.get("quantity"), "quantity"));
        SaleResult result = idempotencyKey == null
                ? selling.sell(purchase)
                : sellingOnce.sell(idempotencyKey, purchase);
        return SaleAnswers.of(result);
    }
}
