package io.donutstates.factory;

import io.donutstates.stock.FactoryId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The legacy Factory API over HTTP: {@code POST {factory}/api/manufactures} with the legacy body. */
public class HttpFactory implements Factory {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Function<FactoryId, URI> factoryUrls;
    private final Duration timeout;
    private final String requester;

    /** @param factoryUrls the base URL of each factory's API */
    public HttpFactory(Function<FactoryId, URI> factoryUrls, Duration timeout, String requester) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        this.factoryUrls = factoryUrls;
        this.timeout = timeout;
        this.requester = requester;
    }

    @Override
    public FactoryAnswer order(ProductionOrder order) {
        URI endpoint = factoryUrls.apply(order.factoryId()).resolve("/api/manufactures");
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(order)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return new FactoryAnswer.Accepted();
            }
            return new FactoryAnswer.Refused("HTTP " + response.statusCode() + " from " + endpoint + ": "
                    + abbreviate(response.body()));
        } catch (IOException e) {
            return new FactoryAnswer.Refused("factory unreachable at " + endpoint + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FactoryAnswer.Refused("interrupted while ordering from " + endpoint);
        }
    }

    private String body(ProductionOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MessageGroupId", "stock-arrival-group");
        body.put("MessageAttributeProductId", order.sku().value());
        body.put("MessageAttributeProductCnt", order.quantity().value());
        body.put("MessageAttributeFactoryId", order.factoryId().value());
        body.put("MessageAttributeRequester", requester);
        body.put("CallbackUrl", order.callbackUrl().toString());
        return JSON.writeValueAsString(body);
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
