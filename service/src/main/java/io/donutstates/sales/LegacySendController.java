package io.donutstates.sales;

import io.donutstates.stock.Sku;
import io.donutstates.web.JsonFields;
import io.donutstates.web.LenientJson;
import java.util.Map;
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

    static final String SOLD = "판매완료";
    static final String OUT_OF_STOCK = "재고부족, 제품 생산 요청!";

    private final Selling selling;
    private final LenientJson json;

    LegacySendController(Selling selling, LenientJson json) {
        this.selling = selling;
        this.json = json;
    }

    @PostMapping("/send")
    ResponseEntity<?> send(@RequestBody(required = false) String rawBody) {
        Map<String, Object> body = json.object(rawBody);
        var sku = Sku.of(JsonFields.text(body, "MessageAttributeProductId"));
        SaleResult result = selling.sell(new Purchase(sku, io.donutstates.stock.Quantity.of(1)));
        if (result instanceof SaleResult.Sold) {
            return ResponseEntity.ok(Map.of("message", SOLD));
        }
        if (result instanceof SaleResult.OutOfStock) {
            return ResponseEntity.ok(Map.of("message", OUT_OF_STOCK));
        }
        return ResponseEntity.status(404).body(Map.of("message", "no product with sku " + sku));
    }
}
