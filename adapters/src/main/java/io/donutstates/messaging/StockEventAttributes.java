package io.donutstates.messaging;

import io.donutstates.replenishment.StockRanOut;
import io.donutstates.tracing.ShopTracing;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message attributes a stock event carries on SNS and SQS, named as in the legacy contract, and the
 * W3C {@code traceparent} (and {@code tracestate}) of the current span, the relay's, when there is one.
 */
final class StockEventAttributes {

    record Attribute(String dataType, String value) { }

    private StockEventAttributes() {
    }

    static Map<String, Attribute> of(StockRanOut event) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put("ProductId", new Attribute("String", event.sku().value()));
        attributes.put("FactoryId", new Attribute("String", event.factoryId().value()));
        attributes.put("ProductCnt", new Attribute("Number", Integer.toString(event.quantity().value())));
        attributes.put("ReplenishmentId", new Attribute("String", event.replenishmentId().toString()));
        ShopTracing.injectCurrent((name, value) -> attributes.put(name, new Attribute("String", value)));
        return attributes;
    }
}
