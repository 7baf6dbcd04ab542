package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One trace from the purchase that ran out of stock to the stock increase, across the outbox relay,
 * {@code stock_queue}, the stock worker, the factory call and the factory's callback, each hop
 * carrying the W3C {@code traceparent}.
 */
class TraceFromSaleToRestockTest {

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults().withArgs(InMemoryTracing.SOURCES);

    private static final String BUYER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String BUYER_SPAN = "00f067aa0ba902b7";

    @Test
    void the_sale_that_ran_out_of_stock_and_its_restock_are_one_trace() {
        assertThat(shop.setStock(TestShop.SKU, 0).status()).isEqualTo(200);
        InMemoryTracing.SPANS.reset();

        var refused = shop.post("/api/sales", "{\"sku\":\"" + TestShop.SKU + "\",\"quantity\":1}",
                "traceparent", "00-" + BUYER_TRACE + "-" + BUYER_SPAN + "-01");
        assertThat(refused.status()).isEqualTo(409);
        String replenishmentId = refused.json().get("replenishment").get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var latest = shop.replenishments(TestShop.SKU).get(0);
            assertThat(latest.get("id").asString()).isEqualTo(replenishmentId);
            assertThat(latest.get("status").asString()).isEqualTo("DELIVERED");
        });
        // The callback's span ends as its answer is written; wait for it, not for a fixed time.
        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spansOf(BUYER_TRACE),
                spans -> named(spans, "receive delivery").isPresent());

        SpanData sale = only(trace, "POST /api/sales", SpanKind.SERVER);
        SpanData publish = only(trace, "stock_topic publish", SpanKind.PRODUCER);
        SpanData process = only(trace, "stock_queue process", SpanKind.CONSUMER);
        SpanData factoryCall = only(trace, "POST /api/manufactures", SpanKind.CLIENT);
        SpanData callback = only(trace, "POST /api/factory/callbacks/{id}", SpanKind.SERVER);
        SpanData delivery = only(trace, "receive delivery", SpanKind.INTERNAL);

        assertThat(sale.getParentSpanId()).as("the buyer's own traceparent is continued").isEqualTo(BUYER_SPAN);
        // Combined sales: the batch, sold by a lane worker, is a span of its buyer's trace.
        var batch = named(trace, "sell batch");
        String outboxWriter = batch.map(SpanData::getSpanId).orElse(sale.getSpanId());
        batch.ifPresent(b -> assertThat(b.getParentSpanId()).isEqualTo(sale.getSpanId()));
        assertThat(publish.getParentSpanId()).as("the relay publishes in the context stored with the event")
                .isEqualTo(outboxWriter);
        assertThat(publish.getAttributes().get(AttributeKey.stringKey("donut.replenishment"))).isEqualTo(replenishmentId);
        assertThat(process.getParentSpanId()).as("the worker continues the message's traceparent attribute")
                .isEqualTo(publish.getSpanId());
        assertThat(factoryCall.getParentSpanId()).isEqualTo(process.getSpanId());
        assertThat(callback.getParentSpanId()).as("the callback continues the factory call's context")
                .isEqualTo(factoryCall.getSpanId());
        assertThat(callback.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(delivery.getParentSpanId()).isEqualTo(callback.getSpanId());
        assertThat(shop.stockOf(TestShop.SKU)).isEqualTo(10);
    }

    private static List<SpanData> spansOf(String traceId) {
        return InMemoryTracing.SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static Optional<SpanData> named(List<SpanData> spans, String name) {
        return spans.stream().filter(span -> span.getName().equals(name)).findFirst();
    }

    private static SpanData only(List<SpanData> trace, String name, SpanKind kind) {
        Map<String, List<SpanData>> byName = trace.stream().collect(Collectors.groupingBy(SpanData::getName));
        assertThat(byName).as("spans of the trace: " + byName.keySet()).containsKey(name);
        List<SpanData> spans = byName.get(name);
        assertThat(spans).as(name).hasSize(1);
        assertThat(spans.get(0).getKind()).as(name).isEqualTo(kind);
        return spans.get(0);
    }
}
