package io.donutstates.tracing;

import io.donutstates.shop.ShopSettings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenTelemetry SDK the shop makes for itself from {@link ShopSettings.Tracing}: spans are always
 * made and their context always passed on; they are exported over OTLP/HTTP only when an endpoint
 * is set ({@code DONUT_TRACING_OTLP_ENDPOINT}, else the standard {@code OTEL_EXPORTER_OTLP_ENDPOINT}).
 */
public final class TracingSdk {

    private static final Logger log = LoggerFactory.getLogger(TracingSdk.class);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private TracingSdk() {
    }

    /** @param environment the process environment ({@code System::getenv}), for the standard OTLP variable */
    public static OpenTelemetrySdk build(ShopSettings.Tracing settings, Function<String, String> environment) {
        var provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(
                        Resource.create(Attributes.of(SERVICE_NAME, settings.serviceName()))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.samplingRatio())));
        String endpoint = endpoint(settings, environment);
        if (endpoint != null) {
            provider.addSpanProcessor(BatchSpanProcessor.builder(
                    OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build()).build());
            log.info("traces exported over OTLP to {} (sampling {})", endpoint, settings.samplingRatio());
        }
        var sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(provider.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        if (endpoint != null) {
            // The last batch leaves at exit.
            Runtime.getRuntime().addShutdownHook(new Thread(sdk::close, "tracing-shutdown"));
        }
        return sdk;
    }

    /** The traces URL ({@code .../v1/traces}) from a collector's base URL, or null: no export. */
    static String endpoint(ShopSettings.Tracing settings, Function<String, String> environment) {
        String base = present(settings.otlpEndpoint()) ? settings.otlpEndpoint().strip()
                : present(environment.apply("OTEL_EXPORTER_OTLP_ENDPOINT"))
                ? environment.apply("OTEL_EXPORTER_OTLP_ENDPOINT").strip() : null;
        if (base == null) {
            return null;
        }
        String trimmed = base.replaceAll("/+$", "");
        return trimmed.endsWith("/v1/traces") ? trimmed : trimmed + "/v1/traces";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
