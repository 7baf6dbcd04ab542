package io.donutstates.replenishment;

import io.donutstates.http.DeliveryReplies;
import io.donutstates.http.JsonBodies;
import io.donutstates.service.ShopMetrics;
import io.donutstates.web.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The factory's "production complete" callback (the original's {@code stock_inc_lambda}). */
@RestController
class FactoryCallbackController {

    private static final Logger log = LoggerFactory.getLogger(FactoryCallbackController.class);

    private final ReceivingDelivery receiving;
    private final ShopMetrics metrics;

    FactoryCallbackController(ReceivingDelivery receiving, ShopMetrics metrics) {
        this.receiving = receiving;
        this.metrics = metrics;
    }

    @PostMapping(DeliveryCallbacks.PATH + "{id}")
    ResponseEntity<Object> productionComplete(@PathVariable String id, @RequestParam(required = false) String token,
                                              @RequestBody(required = false) String body) {
        var replenishmentId = ReplenishmentId.parse(id);
        if (token == null || token.isBlank()) {
            return Replies.send(DeliveryReplies.missingToken());
        }
        var delivery = DeliveryReplies.delivery(JsonBodies.object(body));
        // The replenishment id in every log line of the callback, as in the worker's.
        MDC.put("replenishment", replenishmentId.toString());
        DeliveryResult result;
        try {
            result = receiving.receive(replenishmentId, token, delivery);
            log.info("factory callback for replenishment {} of {}: {}", replenishmentId, delivery.sku(),
                    result.getClass().getSimpleName());
        } finally {
            MDC.remove("replenishment");
        }
        if (result instanceof DeliveryResult.Delivered delivered) {
            metrics.delivered(delivered.replenishment().requestedAt());
        }
        return Replies.send(DeliveryReplies.of(result));
    }
}
