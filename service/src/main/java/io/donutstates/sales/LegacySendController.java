package io.donutstates.sales;

import io.donutstates.http.JsonBodies;
import io.donutstates.http.SaleReplies;
import io.donutstates.service.ShopMetrics;
import io.donutstates.web.Replies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The course clients' {@code POST /send}: one donut of {@code MessageAttributeProductId}, answered
 * with the legacy messages ("판매완료" sold, "재고부족, 제품 생산 요청!" out of stock, production requested).
 */
@RestController
class LegacySendController {

    private final Checkout checkout;
    private final ShopMetrics metrics;

    LegacySendController(Checkout checkout, ShopMetrics metrics) {
        this.checkout = checkout;
        this.metrics = metrics;
    }

    @PostMapping("/send")
    ResponseEntity<Object> send(@RequestBody(required = false) String body) {
        long arrived = System.nanoTime();
        var purchase = SaleReplies.legacyPurchase(JsonBodies.object(body));
        SaleResult result = checkout.sell(purchase);
        metrics.sale(result, arrived);
        return Replies.send(SaleReplies.legacy(result));
    }
}
