package io.donutstates.loadgen;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few calls around a run (products, replenishments, the admin stock setter); off the hot path, so plain JSON. */
final class ShopApi {

    private final Endpoint endpoint;
    private final Duration timeout;
    private final HttpClient client;

    ShopApi(Endpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** Every SKU in the catalog with its stock, in the server's order. */
    Map<String, Long> catalogStock() throws ApiException {
        Map<String, Long> stock = new LinkedHashMap<>();
        for (JsonNode product : get("/api/products")) {
            stock.put(product.path("sku").asString(), product.path("stock").asLong());
        }
        return stock;
    }

    long stock(String sku) throws ApiException {
        return get("/api/products/" + encode(sku)).path("stock").asLong();
    }

    List<Replenishment> replenishments(String sku) throws ApiException {
        List<Replenishment> list = new ArrayList<>();
        for (JsonNode r : get("/api/replenishments?sku=" + encode(sku))) {
            JsonNode delivered = r.path("deliveredQuantity");
            list.add(new Replenishment(r.path("id").asString(), r.path("status").asString(), r.path("quantity").asLong(),
                    delivered.isNumber() ? delivered.asLong() : null));
        }
        return list;
    }

    void setStock(String sku, int stock, String adminToken) throws ApiException {
        HttpRequest request = builder("/api/admin/products/" + encode(sku) + "/stock")
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"stock\":" + stock + "}"))
                .build();
        send(request);
    }

    private JsonNode get(String path) throws ApiException {
        String body = send(builder(path).GET().build());
        try {
            return JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            throw new ApiException("GET " + endpoint + path + " returned something that is not JSON");
        }
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(endpoint.resolve(path)).timeout(timeout).header("Accept", "application/json");
    }

    private String send(HttpRequest request) throws ApiException {
        String what = request.method() + " " + request.uri();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ApiException("cannot reach " + endpoint + " (connection refused or timed out)");
        } catch (IOException e) {
            throw new ApiException(what + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(what + " interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(what + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
