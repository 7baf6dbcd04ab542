package io.donutstates.http;

import io.donutstates.replenishment.DeliveryCallbacks;
import io.donutstates.replenishment.DeliveryResult;
import io.donutstates.replenishment.ReceivingDelivery;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.tracing.ShopTracing;
import io.opentelemetry.api.trace.SpanKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The factory's "production complete" callback, {@code POST /api/factory/callbacks/{id}?token=...}
 * (the original's {@code stock_inc_lambda}), from path, token and body to answer, whichever runtime
 * received it. The shelf goes up once per replenishment however often the factory calls.
 */
public final class FactoryCallbackEndpoint {

    private static final Logger log = LoggerFactory.getLogger(FactoryCallbackEndpoint.class);

    private final ReceivingDelivery receiving;
    private final ShopTracing tracing;

    public FactoryCallbackEndpoint(ReceivingDelivery receiving) {
        this(receiving, ShopTracing.off());
    }

    /** @param tracing makes the callback a span of the trace that ordered the production */
    public FactoryCallbackEndpoint(ReceivingDelivery receiving, ShopTracing tracing) {
        this.receiving = receiving;
        this.tracing = tracing;
    }

    /** What the callback came to: the delivery's result (none if refused before it was read) and the answer. */
    public record Answered(DeliveryResult result, HttpReply reply) { }

    /**
     * @param id    the path's replenishment id
     * @param token the {@code token} query parameter, or null
     * @param body  the JSON body, sent as JSON or as {@code text/plain}
     */
    public Answered receive(String id, String token, String body) {
        return receive(id, token, body, null);
    }

    /**
     * @param traceparent the W3C context the callback continues: the request's {@code traceparent}
     *                    header, else the {@code CallbackUrl}'s {@code traceparent} parameter (put there
     *                    when the factory was called), or null
     */
    public Answered receive(String id, String token, String body, String traceparent) {
        return tracing.inSpan("POST " + DeliveryCallbacks.PATH + "{id}", SpanKind.SERVER, traceparent, span -> {
            span.setAttribute("http.request.method", "POST");
            span.setAttribute("http.route", DeliveryCallbacks.PATH + "{id}");
            span.setAttribute("donut.replenishment", id);
            Answered answered = receiveInSpan(id, token, body);
            span.setAttribute("http.response.status_code", answered.reply().status());
            return answered;
        });
    }

    private Answered receiveInSpan(String id, String token, String body) {
        var replenishmentId = ReplenishmentId.parse(id);
        if (token == null || token.isBlank()) {
            return new Answered(null, DeliveryReplies.missingToken());
        }
        var delivery = DeliveryReplies.delivery(JsonBodies.object(body));
        // The replenishment id in every log line of the callback, as in the worker's.
        MDC.put("replenishment", replenishmentId.toString());
        DeliveryResult result;
        try {
            result = tracing.inSpan("receive delivery", SpanKind.INTERNAL,
                    span -> receiving.receive(replenishmentId, token, delivery));
            log.info("factory callback for replenishment {} of {}: {}", replenishmentId, delivery.sku(),
                    result.getClass().getSimpleName());
        } finally {
            MDC.remove("replenishment");
        }
        return new Answered(result, DeliveryReplies.of(result));
    }
}
