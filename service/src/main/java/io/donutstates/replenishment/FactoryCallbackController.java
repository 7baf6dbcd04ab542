package io.donutstates.replenishment;

import io.donutstates.http.FactoryCallbackEndpoint;
import io.donutstates.service.ShopMetrics;
import io.donutstates.web.Replies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The factory's "production complete" callback (the original's {@code stock_inc_lambda}), answered by {@link FactoryCallbackEndpoint}. */
@RestController
class FactoryCallbackController {

    private final FactoryCallbackEndpoint endpoint;
    private final ShopMetrics metrics;

    FactoryCallbackController(FactoryCallbackEndpoint endpoint, ShopMetrics metrics) {
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    @PostMapping(DeliveryCallbacks.PATH + "{id}")
    ResponseEntity<Object> productionComplete(@PathVariable String id, @RequestParam(required = false) String token,
                                              @RequestParam(name = "traceparent", required = false) String traceInUrl,
                                              @RequestHeader(name = "traceparent", required = false) String traceHeader,
                                              @RequestBody(required = false) String body) {
        var answered = endpoint.receive(id, token, body, traceHeader != null ? traceHeader : traceInUrl);
        if (answered.result() instanceof DeliveryResult.Delivered delivered) {
            metrics.delivered(delivered.replenishment().requestedAt());
        }
        return Replies.send(answered.reply());
    }
}
