package io.donutstates.messaging;

import io.donutstates.replenishment.StockEvent;
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

    /**
     * {@code EventType} names the event ({@code StockRanOut}, {@code BackorderFulfilled}), for
     * subscription filter policies; the legacy attributes follow for a stock event.
     */
    static Map<String, Attribute> of(StockEvent event) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put("EventType", new Attribute("String", StockEventJson.typeOf(event)));
        attributes.put("ProductId", new Attribute("String", event.sku().value()));
        if (event instanceof StockRanOut ranOut) {
            attributes.put("FactoryId", new Attribute("String", ranOut.factoryId().value()));
            attributes.put("ProductCnt", new Attribute("Number", Integer.toString(ranOut.quantity().value())));
        }
        attributes.put("ReplenishmentId", new Attribute("String", event.replenishmentId().toString()));
        ShopTracing.injectCurrent((name, value) -> attributes.put(name, new Attribute("String", value)));
        return attributes;
    }
}
