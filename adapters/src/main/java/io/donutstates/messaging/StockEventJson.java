package io.donutstates.messaging;

import io.donutstates.replenishment.ReplenishmentId;
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
 * The stock event as it travels on the topic and {@code stock_queue}: the legacy message fields
 * ({@code MessageAttributeProductId}, ...) plus the replenishment it belongs to.
 */
public final class StockEventJson {

    public static final String TYPE = "StockRanOut";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private StockEventJson() {
    }

    public static String encode(StockRanOut event) {
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
    public static StockRanOut decode(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject() || !TYPE.equals(node.path("type").asString(null))) {
                throw new IllegalArgumentException("not a " + TYPE + " event");
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
