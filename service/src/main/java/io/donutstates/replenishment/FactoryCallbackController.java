package io.donutstates.replenishment;

import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import io.donutstates.web.ApiError;
import io.donutstates.web.JsonFields;
import io.donutstates.web.LenientJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The factory's "production complete" callback (the original's {@code stock_inc_lambda}): the count
 * is {@code MessageAttributeProductCnt}, as a number or a string, in JSON sent with any content type.
 */
@RestController
class FactoryCallbackController {

    private final ReceivingDelivery receiving;
    private final LenientJson json;

    FactoryCallbackController(ReceivingDelivery receiving, LenientJson json) {
        this.receiving = receiving;
        this.json = json;
    }

    @PostMapping(DeliveryCallbacks.PATH + "{id}")
    ResponseEntity<?> productionComplete(@PathVariable String id, @RequestParam(required = false) String token,
                                         @RequestBody(required = false) String rawBody) {
        var replenishmentId = ReplenishmentId.parse(id);
        if (token == null || token.isBlank()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(new ApiError("UNAUTHORIZED", "callback token missing"));
        }
        Map<String, Object> body = json.object(rawBody);
        var delivery = new Delivery(Sku.of(JsonFields.text(body, "MessageAttributeProductId")),
                Quantity.parse(body.get("MessageAttributeProductCnt"), "MessageAttributeProductCnt"));
        return answer(receiving.receive(replenishmentId, token, delivery));
    }

    private static ResponseEntity<?> answer(DeliveryResult result) {
        if (result instanceof DeliveryResult.Delivered delivered) {
            return ResponseEntity.ok(view("DELIVERED", delivered.replenishment(), delivered.deliveredQuantity()));
        }
        if (result instanceof DeliveryResult.AlreadyDelivered already) {
            return ResponseEntity.ok(view("ALREADY_DELIVERED", already.replenishment(), null));
        }
        if (result instanceof DeliveryResult.NotAuthentic) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(new ApiError("FORBIDDEN", "callback token does not match this replenishment"));
        }
        if (result instanceof DeliveryResult.WrongProduct wrong) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("WRONG_PRODUCT",
                    "replenishment " + wrong.replenishment().id() + " is for " + wrong.replenishment().sku()
                            + ", not " + wrong.reportedSku()));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError("UNKNOWN_REPLENISHMENT", "no such replenishment"));
    }

    private static Map<String, Object> view(String status, Replenishment r, Integer delivered) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("replenishmentId", r.id().toString());
        body.put("sku", r.sku().value());
        if (delivered != null) {
            body.put("deliveredQuantity", delivered);
        }
        return body;
    }
}
