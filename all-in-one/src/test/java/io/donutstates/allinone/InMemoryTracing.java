package io.donutstates.allinone;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shop's spans kept in memory for a test: started with {@code --spring.main.sources} naming this
 * class, the service hands this OpenTelemetry to the shop instead of building its own.
 */
@Configuration(proxyBeanMethods = false)
public class InMemoryTracing {

    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    static final String SOURCES = "--spring.main.sources=" + InMemoryTracing.class.getName();

    @Bean(destroyMethod = "")
    OpenTelemetry inMemoryOpenTelemetry() {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
                .build();
    }
}
