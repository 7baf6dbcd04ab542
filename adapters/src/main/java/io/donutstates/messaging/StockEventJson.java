package io.donutstates.messaging;

import io.donutstates.backorder.BackorderFulfilled;
import io.donutstates.backorder.BackorderId;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.StockEvent;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.stock.FactoryId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stock events as they travel on the topic and {@code stock_queue}, told apart by {@code type}:
 * {@code StockRanOut} carries the legacy message fields ({@code MessageAttributeProductId}, ...)
 * plus the replenishment it belongs to; {@code BackorderFulfilled} names the backorder, the sale it
 * became and the delivery (replenishment) that served it.
 */
public final class StockEventJson {

    public static final String TYPE = "StockRanOut";
    public static final String FULFILLED_TYPE = "BackorderFulfilled";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private StockEventJson() {
    }

    /** The event's {@code type}. */
    public static String typeOf(StockEvent event) {
        return event instanceof BackorderFulfilled ? FULFILLED_TYPE : TYPE;
    }

    public static String encode(StockEvent event) {
        if (event instanceof BackorderFulfilled fulfilled) {
            return encode(fulfilled);
        }
        return encode((StockRanOut) event);
    }

    private static String encode(BackorderFulfilled event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", FULFILLED_TYPE);
        body.put("eventId", event.eventId().toString());
        body.put("replenishmentId", event.replenishmentId().toString());
        body.put("backorderId", event.backorderId().toString());
        body.put("sku", event.sku().value());
        body.put("quantity", event.quantity());
        body.put("position", event.position());
        body.put("saleId", event.saleId());
        body.put("occurredAt", event.occurredAt().toString());
        return JSON.writeValueAsString(body);
    }

    private static String encode(StockRanOut event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE);
        body.put("eventId", event.eventId().toString());
        body.put("replenishmentId", event.replenishmentId().toString());
        body.put("MessageGroupId", "stock-empty-group");
        body.put("subject", event.sku() + " 재고 부족");
        body.put("message", "재고 부족");
        body.put("MessageAttributeProductId", event.sku().value());
        body.put("MessageAttributeFactoryId", event.factoryId().value());
        body.put("MessageAttributeProductCnt", event.quantity().value());
        body.put("occurredAt", event.occurredAt().toString());
        return JSON.writeValueAsString(body);
    }

    /** Reads an event; a body that is not one throws IllegalArgumentException naming what is wrong. */
    public static StockEvent decode(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            String type = node == null || !node.isObject() ? null : node.path("type").asString(null);
            if (FULFILLED_TYPE.equals(type)) {
                return new BackorderFulfilled(
                        UUID.fromString(text(node, "eventId")),
                        BackorderId.parse(text(node, "backorderId")),
                        new Sku(text(node, "sku")),
                        node.path("quantity").asInt(0),
                        node.path("position").asLong(0),
                        node.path("saleId").asLong(0),
                        ReplenishmentId.parse(text(node, "replenishmentId")),
                        Instant.parse(text(node, "occurredAt")));
            }
            if (!TYPE.equals(type)) {
                throw new IllegalArgumentException("not a stock event (type " + type + ")");
            }
            return new StockRanOut(
                    UUID.fromString(text(node, "eventId")),
                    ReplenishmentId.parse(text(node, "replenishmentId")),
                    new Sku(text(node, "MessageAttributeProductId")),
                    new FactoryId(text(node, "MessageAttributeFactoryId")),
                    Quantity.of(node.path("MessageAttributeProductCnt").asInt(0)),
                    Instant.parse(text(node, "occurredAt")));
        } catch (JacksonException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable stock event: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString(null);
        if (value == null) {
            throw new IllegalArgumentException("stock event lacks " + field);
        }
        return value;
    }
}
