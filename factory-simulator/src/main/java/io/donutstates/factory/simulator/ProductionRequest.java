package io.donutstates.factory.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A validated legacy production request ({@code POST /api/manufactures}). */
record ProductionRequest(String groupId, String productId, int count, String factoryId, String requester,
                         URI callbackUrl) {

    static final String DEFAULT_GROUP_ID = "stock-arrival-group";
    static final int MAX_COUNT = 1_000_000;
    private static final int MAX_TEXT = 200;
    private static final int MAX_URL = 2_000;
    private static final BigDecimal MAX_COUNT_DECIMAL = BigDecimal.valueOf(MAX_COUNT);

    /** Validates the legacy body; every failure is a 400 whose message names the field. */
    static ProductionRequest from(JsonNode body) {
        String productId = text(body, "MessageAttributeProductId");
        if (productId == null || productId.isBlank()) {
            throw ApiException.badRequest("MessageAttributeProductId is required and must not be blank");
        }
        String groupId = text(body, "MessageGroupId");
        return new ProductionRequest(
                groupId == null || groupId.isBlank() ? DEFAULT_GROUP_ID : groupId,
                productId,
                count(body.get("MessageAttributeProductCnt")),
                text(body, "MessageAttributeFactoryId"),
                text(body, "MessageAttributeRequester"),
                callbackUrl(text(body, "CallbackUrl")));
    }

    /** The completion callback body: the legacy fields as received, the count as a number, plus the order id. */
    Map<String, Object> callbackBody(String orderId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MessageGroupId", groupId);
        body.put("MessageAttributeProductId", productId);
        body.put("MessageAttributeProductCnt", count);
        body.put("MessageAttributeFactoryId", factoryId);
        body.put("MessageAttributeRequester", requester);
        body.put("orderId", orderId);
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        String value = node.stringValue();
        if (value.length() > (field.equals("CallbackUrl") ? MAX_URL : MAX_TEXT)) {
            throw ApiException.badRequest(field + " is too long");
        }
        return value;
    }

    /** The legacy requester sends the count as a number or as a numeric string; both mean the same. */
    private static int count(JsonNode node) {
        String field = "MessageAttributeProductCnt";
        if (node == null || node.isNull()) {
            throw ApiException.badRequest(field + " is required");
        }
        BigDecimal value = null;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isString()) {
            try {
                value = new BigDecimal(node.stringValue().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (value == null || value.stripTrailingZeros().scale() > 0
                || value.signum() <= 0 || value.compareTo(MAX_COUNT_DECIMAL) > 0) {
            throw ApiException.badRequest(field + " must be a positive integer up to " + MAX_COUNT
                    + ", got " + node);
        }
        return value.intValueExact();
    }

    private static URI callbackUrl(String value) {
        String field = "CallbackUrl";
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required");
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                HttpRequest.newBuilder(uri); // the client's own checks, so a bad URL fails now and not at callback time
                return uri;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.badRequest(field + " must be an absolute http or https URL, got '" + value + "'");
    }
}
