package io.donutstates.loadgen;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each buyer sends and how the answer is classified. Every possible request (SKU x quantity,
 * per endpoint) is rendered before the run, so the hot path only picks an index.
 */
final class Workload {

    private static final byte[] OUT_OF_STOCK = bytes("OUT_OF_STOCK");
    private static final byte[] LEGACY_SOLD = bytes("판매완료");
    private static final byte[] LEGACY_OUT_OF_STOCK = bytes("재고부족");

    private final boolean legacy;
    private final List<String> skus;
    private final int quantityMin;
    private final int quantitySpan;
    private final PreparedRequest[][] table;

    Workload(Options options, List<String> skus, HttpTransport transport) {
        this.legacy = options.scenario() == Scenario.LEGACY_SEND;
        this.skus = List.copyOf(skus);
        this.quantityMin = legacy ? 1 : options.quantityMin(); // a legacy /send always sells one
        this.quantitySpan = legacy ? 1 : options.quantityMax() - options.quantityMin() + 1;
        List<Endpoint> endpoints = options.endpoints();
        this.table = new PreparedRequest[endpoints.size()][skus.size() * quantitySpan];
        for (int e = 0; e < endpoints.size(); e++) {
            for (int v = 0; v < table[e].length; v++) {
                table[e][v] = transport.prepare(endpoints.get(e), spec(options, skuOf(v), quantityOf(v)));
            }
        }
    }

    private RequestSpec spec(Options options, String sku, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (legacy) {
            body.put("MessageGroupId", "stock-empty-group");
            body.put("subject", "부산도너츠 재고 부족");
            body.put("message", "재고 부족");
            body.put("MessageAttributeProductId", sku);
            body.put("MessageAttributeFactoryId", options.factoryId());
            return new RequestSpec("POST", "/send", JsonMapper.shared().writeValueAsBytes(body));
        }
        body.put("sku", sku);
        body.put("quantity", quantity);
        return new RequestSpec("POST", "/api/sales", JsonMapper.shared().writeValueAsBytes(body));
    }

    List<String> skus() {
        return skus;
    }

    int endpointCount() {
        return table.length;
    }

    /** A random variant; a single-SKU, fixed-quantity crowd skips the random number. */
    int pick() {
        int variants = table[0].length;
        return variants == 1 ? 0 : ThreadLocalRandom.current().nextInt(variants);
    }

    PreparedRequest request(int endpoint, int variant) {
        return table[endpoint][variant];
    }

    int skuIndex(int variant) {
        return variant / quantitySpan;
    }

    int quantityOf(int variant) {
        return quantityMin + variant % quantitySpan;
    }

    private String skuOf(int variant) {
        return skus.get(skuIndex(variant));
    }

    Outcome classify(int status, HttpConnection connection) {
        if (legacy) {
            // The legacy endpoint answers 200 either way; only the body tells a sale from a shortage.
            if (status != 200) {
                return Outcome.ERROR;
            }
            if (connection.bodyContains(LEGACY_SOLD)) {
                return Outcome.SOLD;
            }
            return connection.bodyContains(LEGACY_OUT_OF_STOCK) ? Outcome.OUT_OF_STOCK : Outcome.ERROR;
        }
        if (status == 201) {
            return Outcome.SOLD;
        }
        return status == 409 && connection.bodyContains(OUT_OF_STOCK) ? Outcome.OUT_OF_STOCK : Outcome.ERROR;
    }

    /** The error bucket for a response classified as {@link Outcome#ERROR}. */
    String errorKind(int status) {
        if (legacy && status == 200) {
            return "HTTP 200 (unrecognised body)";
        }
        if (!legacy && status == 409) {
            return "HTTP 409 (not OUT_OF_STOCK)";
        }
        return "HTTP " + status;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
