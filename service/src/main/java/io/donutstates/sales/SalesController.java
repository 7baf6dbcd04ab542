package io.donutstates.sales;

import io.donutstates.http.JsonBodies;
import io.donutstates.http.SaleReplies;
import io.donutstates.service.ShopMetrics;
import io.donutstates.web.Replies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sales}: buy donuts; an {@code Idempotency-Key} makes a retry safe. */
@RestController
class SalesController {

    private final Checkout checkout;
    private final SellingOnce sellingOnce;
    private final ShopMetrics metrics;

    SalesController(Checkout checkout, SellingOnce sellingOnce, ShopMetrics metrics) {
        this.checkout = checkout;
        this.sellingOnce = sellingOnce;
        this.metrics = metrics;
    }

    @PostMapping(path = "/api/sales", consumes = "application/json")
    ResponseEntity<Object> sell(@RequestBody String body,
                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        long arrived = System.nanoTime();
        var purchase = SaleReplies.purchase(JsonBodies.object(body));
        SaleResult result = idempotencyKey == null
                ? checkout.sell(purchase)
                : sellingOnce.sell(idempotencyKey, purchase);
        metrics.sale(result, arrived);
        return Replies.send(SaleReplies.of(result));
    }
}
