package io.donutstates.factory;

import io.donutstates.stock.FactoryId;
import io.donutstates.tracing.ShopTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    private final ShopTracing tracing;

    /** @param factoryUrls the base URL of each factory's API */
    public HttpFactory(Function<FactoryId, URI> factoryUrls, Duration timeout, String requester) {
        this(factoryUrls, timeout, requester, ShopTracing.off());
    }

    /**
     * @param tracing makes each call a client span; its {@code traceparent} goes in the request's header
     *                and in the {@code CallbackUrl}, so the callback continues the trace even from a
     *                factory that forwards no header
     */
    public HttpFactory(Function<FactoryId, URI> factoryUrls, Duration timeout, String requester,
                       ShopTracing tracing) {
        this.tracing = tracing;
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
        return tracing.inSpan("POST /api/manufactures", SpanKind.CLIENT, span -> {
            span.setAttribute("http.request.method", "POST");
            span.setAttribute("url.full", endpoint.toString());
            span.setAttribute("donut.factory", order.factoryId().value());
            FactoryAnswer answer = send(endpoint, order, span);
            if (answer instanceof FactoryAnswer.Refused refused) {
                span.setStatus(StatusCode.ERROR, refused.reason());
            }
            return answer;
        });
    }

    private FactoryAnswer send(URI endpoint, ProductionOrder order, Span span) {
        String traceparent = ShopTracing.currentTraceparent();
        var builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(order, traceparent)));
        ShopTracing.injectCurrent(builder::header);
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            span.setAttribute("http.response.status_code", response.statusCode());
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

    private String body(ProductionOrder order, String traceparent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MessageGroupId", "stock-arrival-group");
        body.put("MessageAttributeProductId", order.sku().value());
        body.put("MessageAttributeProductCnt", order.quantity().value());
        body.put("MessageAttributeFactoryId", order.factoryId().value());
        body.put("MessageAttributeRequester", requester);
        body.put("CallbackUrl", callbackUrl(order.callbackUrl(), traceparent));
        return JSON.writeValueAsString(body);
    }

    /** The callback URL with the call's {@code traceparent} as a parameter, which the callback continues. */
    static String callbackUrl(URI callbackUrl, String traceparent) {
        String url = callbackUrl.toString();
        if (traceparent == null) {
            return url;
        }
        return url + (callbackUrl.getRawQuery() == null ? "?" : "&") + ShopTracing.TRACEPARENT + "="
                + URLEncoder.encode(traceparent, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
