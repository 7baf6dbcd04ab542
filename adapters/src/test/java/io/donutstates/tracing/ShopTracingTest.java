package io.donutstates.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.shop.ShopSettings;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MDC's trace_id and span_id are checked where a logging backend runs: JsonLogsTest (all-in-one). */
class ShopTracingTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final ShopTracing tracing = ShopTracing.of(OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build());

    @Test
    void a_span_continues_the_traceparent_it_is_given_and_passes_its_own_on() {
        String given = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String inside = tracing.inSpan("work", SpanKind.CONSUMER, given, span -> {
            return ShopTracing.currentTraceparent();
        });

        var ended = spans.getFinishedSpanItems();
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(inside).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + ended.get(0).getSpanId() + "-01");
        assertThat(ShopTracing.currentTraceparent()).as("no span outside").isNull();
    }

    @Test
    void an_unreadable_traceparent_starts_a_new_trace() {
        tracing.inSpan("work", SpanKind.SERVER, "not-a-traceparent", span -> null);

        assertThat(spans.getFinishedSpanItems().get(0).getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void spans_are_exported_only_to_a_configured_collector() {
        var none = new ShopSettings.Tracing(null, null, null);
        assertThat(TracingSdk.endpoint(none, name -> null)).isNull();
        assertThat(TracingSdk.endpoint(none, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318/")::get))
                .isEqualTo("http://otel:4318/v1/traces");
        assertThat(TracingSdk.endpoint(new ShopSettings.Tracing("http://collector:4318/v1/traces", 0.5, "shop"),
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318")::get))
                .isEqualTo("http://collector:4318/v1/traces");
    }
}
