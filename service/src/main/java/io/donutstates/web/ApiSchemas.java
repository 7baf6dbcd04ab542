package io.donutstates.web;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON shapes of the API's bodies as named OpenAPI schemas ({@code #/components/schemas/...}),
 * written down here because most answers are built as maps or replies outside Spring MVC, so
 * springdoc cannot see them. {@code OpenApiDocumentTest} holds real answers against them.
 */
final class ApiSchemas {

    private ApiSchemas() {
    }

    /** Every schema by its component name. */
    static Map<String, Schema<?>> all() {
        Map<String, Schema<?>> all = new LinkedHashMap<>();
        all.put("Error", object("An error answer: RFC 9457 problem details, sent as application/problem+json; never "
                + "a stack trace. Besides type, title and detail it keeps the fields of the shop's earlier error "
                + "answers: status (the error word; the HTTP status code is the answer's own) and message (as detail).")
                .required("type", problemType())
                .required("title", text("Unknown product", "the kind of error, for people: the same for every error "
                        + "of this type"))
                .required("status", text("UNKNOWN_PRODUCT", "what went wrong, as one upper-case word (the type's "
                        + "last segment, in capitals with underscores)"))
                .required("detail", text("no product with sku CP-999999", "what went wrong this time, for people"))
                .required("message", text("no product with sku CP-999999", "the same as detail, for clients written "
                        + "before the problem details"))
                .schema());
        all.put("LegacyError", object("An error answer of the legacy POST /send, as it always was (application/json).")
                .required("status", text("BAD_REQUEST", "what went wrong, as one upper-case word"))
                .required("message", text("MessageAttributeProductId is required", "what went wrong, for people"))
                .schema());
        all.put("Product", object("A product with its live stock and its replenishment policy.")
                .required("sku", text("CP-502101", "stock-keeping unit, upper case"))
                .required("name", text("부산도너츠", null))
                .required("price", integer(19900, "price in won"))
                .required("stock", integer(3, "donuts on the shelf: the sum of the product's slots"))
                .required("factoryId", text("FF-500293", "the factory that makes it"))
                .required("reorderQuantity", integer(10, "donuts ordered per replenishment"))
                .required("reorderPoint", integer(0, "a sale that leaves this many or fewer starts a replenishment"))
                .required("slots", integer(1, "stock slots (rows) in use: buyers on different slots do not wait "
                        + "for each other"))
                .optional("backorders", object("its waiting backorders (GET /api/products and /api/products/{sku}; "
                        + "left out of the admin answers)")
                        .required("waiting", integer(3, "backorders waiting for the next delivery"))
                        .required("waitingDonuts", integer(5, "the donuts they wait for"))
                        .optional("oldestSince", instantDescribed("when the oldest waiting one was placed; left out "
                                + "when none waits"))
                        .schema())
                .schema());
        all.put("LedgerLine", object("One change of one slot's stock, with the stock it left in that slot.")
                .required("sku", text("CP-502101", null))
                .required("slot", integer(0, "the slot changed (0 with one slot)"))
                .required("change", integer(-1, "donuts added (positive) or taken (negative)"))
                .required("balanceAfter", integer(2, "the slot's stock after this change (with one slot, the product's)"))
                .required("reason", enumeration("why the stock changed", "SALE", "DELIVERY", "ADJUSTMENT"))
                .optional("reference", text("sale 17", "the sale, replenishment or count behind the change"))
                .required("at", instant())
                .schema());
        all.put("Replenishment", object("A replenishment: REQUESTED, then ORDERED (the factory took the order), "
                + "then DELIVERED (the factory called back), or FAILED.")
                .required("id", uuid())
                .required("sku", text("CP-502101", null))
                .required("factoryId", text("FF-500293", null))
                .required("quantity", integer(10, "donuts ordered"))
                .required("status", replenishmentStatus())
                .optional("deliveredQuantity", integer(10, "donuts the factory delivered (once DELIVERED)"))
                .optional("fulfilledBackorders", integer(4, "waiting backorders the delivery served first, before "
                        + "the rest went to the shelf (once DELIVERED)"))
                .optional("fulfilledDonuts", integer(6, "the donuts of those backorders (once DELIVERED)"))
                .required("attempts", integer(1, "orders sent to the factory"))
                .required("reorders", integer(0, "times ordered again after its deadline"))
                .optional("lastError", text("HTTP 503 from the factory", "the factory's last failure"))
                .required("requestedAt", instant())
                .optional("orderedAt", instant())
                .optional("deliveredAt", instant())
                .optional("failedAt", instant())
                .optional("waitingForFactorySince", instant())
                .optional("notes", array(text("redriven by an operator", null), "what operators did to it and why "
                        + "(GET /api/replenishments/{id} only)"))
                .schema());
        all.put("ReplenishmentStarted", object("The replenishment a refused purchase started or joined.")
                .required("id", uuid())
                .required("status", replenishmentStatus())
                .required("quantity", integer(10, null))
                .schema());
        all.put("Purchase", object("A purchase: JSON only, quantity a JSON integer, no field named twice.")
                .required("sku", text("CP-502101", "read trimmed and in upper case"))
                .required("quantity", integer(1, "at least 1"))
                .optional("backorder", bool("true: when the shelf cannot serve it, wait for the next delivery "
                        + "(202 BACKORDERED) instead of being refused"))
                .optional("notifyUrl", text("https://buyer.example/donuts", "only with backorder: an absolute "
                        + "http(s) URL told (signed POST) when the backorder is fulfilled or expires"))
                .schema());
        all.put("Backorder", object("A purchase waiting for the product's next delivery: WAITING, then FULFILLED, "
                + "CANCELLED or EXPIRED.")
                .required("id", uuid())
                .required("sku", text("CP-502101", null))
                .required("quantity", integer(1, null))
                .required("position", integer(42, "arrival order; a delivery serves the lowest first"))
                .required("status", enumeration(null, "WAITING", "FULFILLED", "CANCELLED", "EXPIRED"))
                .required("createdAt", instant())
                .required("expiresAt", instant())
                .required("notify", bool("whether its buyer is told at a notifyUrl"))
                .optional("saleId", integer(17, "the sale it became (FULFILLED)"))
                .optional("fulfilledBy", uuid())
                .optional("endedAt", instant())
                .optional("secret", text("q3Xb…", "given once, in the 202 answer: cancels the backorder "
                        + "(Backorder-Secret header); its SHA-256 keys the notices' signature"))
                .schema());
        all.put("Backordered", object("A purchase the shelf could not serve, waiting in line.")
                .required("status", enumeration(null, "BACKORDERED"))
                .required("backorder", ref("Backorder"))
                .optional("replenishment", ref("ReplenishmentStarted"))
                .schema());
        all.put("Sale", object("A sale that took stock.")
                .required("id", integer(17, "the sale's number"))
                .required("sku", text("CP-502101", null))
                .required("quantity", integer(1, null))
                .required("status", enumeration(null, "SOLD"))
                .required("remainingStock", integer(2, "stock left on the shelf"))
                .schema());
        all.put("OutOfStock", object("A purchase refused for want of stock; a replenishment is under way.")
                .required("status", enumeration(null, "OUT_OF_STOCK"))
                .required("sku", text("CP-502101", null))
                .required("requested", integer(1, null))
                .required("available", integer(0, null))
                .required("message", text("not enough stock; a replenishment from the factory is under way", null))
                .required("replenishment", ref("ReplenishmentStarted"))
                .schema());
        all.put("LegacyPurchase", object("The legacy clients' body; only MessageAttributeProductId is read.")
                .optional("MessageGroupId", text("stock-empty-group", null))
                .optional("subject", text("부산도너츠 재고 부족", null))
                .optional("message", text("재고 부족", null))
                .required("MessageAttributeProductId", text("CP-502101", "the product bought, one donut"))
                .optional("MessageAttributeFactoryId", text("FF-500293", null))
                .schema());
        all.put("LegacyAnswer", object("The legacy answer: 판매완료 (sold) or 재고부족, 제품 생산 요청! (out of stock, "
                + "production requested); for an unknown product, its message.")
                .required("message", text("판매완료", null))
                .schema());
        all.put("StockCount", object("The counted stock.").required("stock", integer(3, "at least 0")).schema());
        all.put("BackorderPolicy", object("A product's backorder rules.")
                .optional("sku", text("CP-502101", "in the answer"))
                .required("expireAfterMinutes", integer(1440, "how long its backorders wait; 1 to 43200"))
                .required("maxOrderQuantity", integer(500, "the most one replenishment orders, however large the demand"))
                .schema());
        all.put("WaitingBackorders", object("A product's waiting backorders.")
                .required("sku", text("CP-502101", null))
                .required("waitingBackorders", integer(3, null))
                .required("waitingDonuts", integer(5, null))
                .required("oldestSince", instant())
                .schema());
        all.put("ReorderPolicy", object("A product's reorder rule and, optionally, its number of stock slots.")
                .required("reorderQuantity", integer(10, "at least 1"))
                .required("reorderPoint", integer(2, "at least 0"))
                .optional("slots", integer(8, "1 to 64; left out: unchanged. The stock moves evenly onto the slots"))
                .schema());
        all.put("ProductAudit", object("One product's books.")
                .required("sku", text("CP-502101", null))
                .required("stock", integer(3, null))
                .required("ledgerBalance", integer(3, "the balance of its newest ledger line"))
                .required("newestLine", integer(42, null))
                .required("auditedThrough", integer(42, "the background audit has checked every line up to here"))
                .optional("auditedAt", instant())
                .optional("problem", text("line 41 does not follow from line 40", "what does not add up"))
                .schema());
        all.put("ReplayProgress", object("A full replay of the ledger.")
                .required("status", text("RUNNING", "RUNNING, then DONE"))
                .required("throughLine", integer(42, "the newest line when it started"))
                .required("checked", integer(10, "lines checked so far"))
                .required("aboutTotal", integer(42, "about how many lines it checks"))
                .required("startedAt", instant())
                .optional("finishedAt", instant())
                .schema());
        all.put("Audit", object("The audit of the whole warehouse.")
                .required("holds", bool("every shelf agrees with its ledger"))
                .required("products", array(ref("ProductAudit"), null))
                .optional("replay", ref("ReplayProgress"))
                .schema());
        all.put("ArchiveRequest", object("Archive the books older than this (a date at UTC midnight, or an instant), "
                + "at least a day old.")
                .required("before", text("2026-09-01", null))
                .schema());
        all.put("ArchiveProgress", object("An archive of the books.")
                .required("before", instant())
                .required("status", enumeration(null, "RUNNING", "DONE"))
                .required("linesRemoved", integer(0, null))
                .required("salesRemoved", integer(0, null))
                .required("askedAt", instant())
                .optional("finishedAt", instant())
                .schema());
        all.put("DeadLetter", object("A message in dead_letter_queue.")
                .required("id", text("3f2a…", "the message's id in dead_letter_queue"))
                .optional("sku", text("CP-502101", null))
                .optional("replenishmentId", uuid())
                .required("receiveCount", integer(5, null))
                .optional("firstFailureAt", instant())
                .optional("lastFailureAt", instant())
                .required("body", text("{…}", "the message as it was sent"))
                .schema());
        all.put("Redriven", object("How many dead letters went back to work.")
                .required("redriven", integer(1, null)).schema());
        all.put("Discarded", object("How many dead letters were discarded.")
                .required("discarded", integer(1, null)).schema());
        all.put("Alert", object("An alert raised to operations.")
                .required("kind", text("DEAD_LETTERED", "FACTORY_UNAVAILABLE, DEAD_LETTERED, DELIVERY_REFUSED, …"))
                .optional("sku", text("CP-502101", null))
                .optional("product", text("부산도너츠", null))
                .optional("factoryId", text("FF-500293", null))
                .optional("replenishmentId", uuid())
                .required("reason", text("factory FF-500293 has not taken the order for 10m", null))
                .optional("lastError", text("HTTP 503", null))
                .required("at", instant())
                .schema());
        all.put("OpsSummary", object("What the dashboard shows besides products and replenishments.")
                .required("queues", object(null)
                        .required("stockQueue", object(null)
                                .required("depth", integer(0, "messages waiting; -1 when the queue cannot be read"))
                                .required("oldestMessageAgeSeconds", integer(0, null)).schema())
                        .required("deadLetterQueue", object(null)
                                .required("depth", integer(0, "any message here needs ops")).schema())
                        .schema())
                .required("salesPerSecond", array(integer(0, null), "sales in each of the last 60 seconds, oldest first"))
                .required("replenishments", object("open now by status, and ended in the last 24 h")
                        .additional(integer(1, null)).schema())
                .required("alerts", array(ref("Alert"), "the newest alerts"))
                .schema());
        all.put("DeliveryCallback", object("The factory's production-complete callback (legacy body).")
                .optional("MessageGroupId", text("stock-arrival-group", null))
                .required("MessageAttributeProductId", text("CP-502101", null))
                .required("MessageAttributeProductCnt", oneOf(integer(10, null), text("10", null),
                        "donuts produced, a whole number or a numeric string"))
                .optional("MessageAttributeFactoryId", text("FF-500293", null))
                .optional("MessageAttributeRequester", text("Donut-States", null))
                .schema());
        all.put("DeliveryAnswer", object("A delivery taken in, or one taken in before.")
                .required("status", enumeration(null, "DELIVERED", "ALREADY_DELIVERED"))
                .required("replenishmentId", uuid())
                .required("sku", text("CP-502101", null))
                .optional("orderedQuantity", integer(10, null))
                .optional("deliveredQuantity", integer(10, null))
                .schema());
        return all;
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    static Schema<?> array(Schema<?> items, String description) {
        Schema<?> schema = typed("array");
        schema.setItems(items);
        schema.setDescription(description);
        return schema;
    }

    static Schema<?> text(String example, String description) {
        Schema<?> schema = typed("string");
        schema.setExample(example);
        schema.setDescription(description);
        return schema;
    }

    static Schema<?> integer(long example, String description) {
        Schema<?> schema = typed("integer");
        schema.setFormat("int64");
        schema.setExample(example);
        schema.setDescription(description);
        return schema;
    }

    private static Schema<?> bool(String description) {
        Schema<?> schema = typed("boolean");
        schema.setDescription(description);
        return schema;
    }

    private static Schema<?> instant() {
        Schema<?> schema = typed("string");
        schema.setFormat("date-time");
        schema.setExample("2026-09-01T08:30:00Z");
        return schema;
    }

    private static Schema<?> instantDescribed(String description) {
        Schema<?> schema = instant();
        schema.setDescription(description);
        return schema;
    }

    /** One URI per error word: {@code https://donut-states.io/problems/} and the word in lower case with dashes. */
    private static Schema<?> problemType() {
        Schema<?> schema = typed("string");
        schema.setFormat("uri");
        schema.setExample("https://donut-states.io/problems/unknown-product");
        schema.setDescription("identifies the kind of error: https://donut-states.io/problems/ and the error word in "
                + "lower case with dashes (README lists them); compare it, there is nothing to fetch");
        return schema;
    }

    private static Schema<?> uuid() {
        Schema<?> schema = typed("string");
        schema.setFormat("uuid");
        schema.setExample("7f0c9a4e-2b1d-4c3e-9f8a-1b2c3d4e5f60");
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> enumeration(String description, String... values) {
        Schema schema = typed("string");
        schema.setEnum(List.of(values));
        schema.setExample(values[0]);
        schema.setDescription(description);
        return schema;
    }

    private static Schema<?> replenishmentStatus() {
        return enumeration(null, "REQUESTED", "ORDERED", "DELIVERED", "FAILED");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> oneOf(Schema<?> a, Schema<?> b, String description) {
        Schema schema = new Schema<>();
        schema.setOneOf(List.of(a, b));
        schema.setDescription(description);
        return schema;
    }

    /** A schema with its type set for both OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}). */
    static Schema<?> typed(String type) {
        Schema<?> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }

    static ObjectSchema object(String description) {
        return new ObjectSchema(description);
    }

    /** An object schema built property by property, in order. */
    static final class ObjectSchema {
        private final Schema<?> schema = typed("object");
        private final List<String> required = new ArrayList<>();

        ObjectSchema(String description) {
            schema.setDescription(description);
        }

        ObjectSchema required(String name, Schema<?> property) {
            required.add(name);
            return optional(name, property);
        }

        ObjectSchema optional(String name, Schema<?> property) {
            schema.addProperty(name, property);
            return this;
        }

        ObjectSchema additional(Schema<?> values) {
            schema.setAdditionalProperties(values);
            return this;
        }

        Schema<?> schema() {
            if (!required.isEmpty()) {
                schema.setRequired(List.copyOf(required));
            }
            return schema;
        }
    }
}
