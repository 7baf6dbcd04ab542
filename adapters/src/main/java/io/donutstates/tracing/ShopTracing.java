package io.donutstates.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * One trace from a sale to its restock, the same in every runtime: spans are made with the shop's
 * {@link OpenTelemetry} (an SDK built from the settings, or the runtime's own), and the context
 * crosses each hop as a W3C {@code traceparent}: stored with the outbox event, a message attribute
 * on SNS/SQS, a header of the factory call and a parameter of its {@code CallbackUrl}. While a span
 * is current, the log's MDC holds {@code trace_id} and {@code span_id}.
 */
public final class ShopTracing {

    /** The W3C header, message attribute and callback parameter that carries the context. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> ONE_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    private ShopTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("io.donutstates");
    }

    public static ShopTracing of(OpenTelemetry openTelemetry) {
        return new ShopTracing(openTelemetry);
    }

    /** No spans of its own; a context that arrives still passes through. */
    public static ShopTracing off() {
        return new ShopTracing(OpenTelemetry.noop());
    }

    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** The current span's context as a W3C {@code traceparent}, or null when there is none. */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Puts the current context's {@code traceparent} (and {@code tracestate}) into a carrier, if there is one. */
    public static void injectCurrent(BiConsumer<String, String> carrier) {
        if (Span.current().getSpanContext().isValid()) {
            W3C.inject(Context.current(), carrier, BiConsumer::accept);
        }
    }

    /** The context a {@code traceparent} names; the current one when it is missing or unreadable. */
    public static Context parentFrom(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.current();
        }
        Context extracted = W3C.extract(Context.root(), traceparent.strip(), ONE_TRACEPARENT);
        return Span.fromContext(extracted).getSpanContext().isValid() ? extracted : Context.current();
    }

    /** Runs the work in a new span, child of the current one. */
    public <T> T inSpan(String name, SpanKind kind, Function<Span, T> work) {
        return inSpan(name, kind, Context.current(), work);
    }

    /** Runs the work in a new span, child of the context the {@code traceparent} names (else of the current one). */
    public <T> T inSpan(String name, SpanKind kind, String traceparent, Function<Span, T> work) {
        return inSpan(name, kind, parentFrom(traceparent), work);
    }

    public <T> T inSpan(String name, SpanKind kind, Context parent, Function<Span, T> work) {
        return inSpan(tracer.spanBuilder(name).setSpanKind(kind).setParent(parent), work);
    }

    /** Runs the work in the span the builder makes: current, named in the MDC, its failure recorded, ended. */
    public <T> T inSpan(SpanBuilder builder, Function<Span, T> work) {
        Span span = builder.startSpan();
        String traceIdBefore = MDC.get(TRACE_ID);
        String spanIdBefore = MDC.get(SPAN_ID);
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            MDC.put(TRACE_ID, context.getTraceId());
            MDC.put(SPAN_ID, context.getSpanId());
        }
        try (Scope ignored = span.makeCurrent()) {
            return work.apply(span);
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.toString());
            throw e;
        } finally {
            span.end();
            restore(TRACE_ID, traceIdBefore);
            restore(SPAN_ID, spanIdBefore);
        }
    }

    public Tracer tracer() {
        return tracer;
    }

    /**
     * Sends the spans ended so far, waiting up to two seconds: a Lambda function is frozen after each
     * invocation, so its spans leave before it answers. Nothing to do without an SDK.
     */
    public void flush() {
        if (openTelemetry instanceof OpenTelemetrySdk sdk) {
            sdk.getSdkTracerProvider().forceFlush().join(2, TimeUnit.SECONDS);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
