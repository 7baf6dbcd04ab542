package io.donutstates.http;

import io.donutstates.backorder.Backordering;
import io.donutstates.sales.Checkout;
import io.donutstates.sales.SaleResult;
import io.donutstates.sales.SellingOnce;
import io.donutstates.tracing.ShopTracing;
import io.opentelemetry.api.trace.SpanKind;
import java.util.function.Supplier;

/**
 * The two purchase endpoints, {@code POST /api/sales} and the legacy {@code POST /send}, from
 * request body to answer, whichever runtime received them (the service's servlet or the Lambda
 * handler). Bad input is answered 400 with a message and sells nothing.
 */
public final class SalesEndpoints {

    private final Checkout checkout;
    private final SellingOnce sellingOnce;
    private final ShopTracing tracing;
    private final Backordering backordering;

    public SalesEndpoints(Checkout checkout, SellingOnce sellingOnce, Backordering backordering) {
        this(checkout, sellingOnce, backordering, ShopTracing.off());
    }

    /** @param tracing makes each purchase a server span, continuing the caller's {@code traceparent} if sent */
    public SalesEndpoints(Checkout checkout, SellingOnce sellingOnce, Backordering backordering, ShopTracing tracing) {
        this.checkout = checkout;
        this.sellingOnce = sellingOnce;
        this.backordering = backordering;
        this.tracing = tracing;
    }

    /**
     * What a purchase request came to: the sale's result (none if refused before selling, or
     * backordered) and the answer; {@code backordered} when the buyer now waits for a delivery.
     */
    public record Answered(SaleResult result, HttpReply reply, boolean backordered) {

        public Answered(SaleResult result, HttpReply reply) {
            this(result, reply, false);
        }

        static Answered refused(HttpReply reply) {
            return new Answered(null, reply);
        }

        /** The shelf was short: the buyer was refused or lined up, and a replenishment may wait to be published. */
        public boolean ranShort() {
            return backordered || result instanceof SaleResult.OutOfStock;
        }
    }

    /**
     * {@code POST /api/sales}: a JSON purchase; an {@code Idempotency-Key} (may be null) makes a retry safe.
     * With {@code "backorder": true} a purchase the shelf cannot serve waits for the next delivery
     * ({@code 202 BACKORDERED}) instead of being refused; without it, nothing changes.
     */
    public Answered sell(String contentType, String body, String idempotencyKey) {
        return sell(contentType, body, idempotencyKey, null);
    }

    /** {@code POST /api/sales} in a span continuing the request's {@code traceparent} header (may be null). */
    public Answered sell(String contentType, String body, String idempotencyKey, String traceparent) {
        return traced("POST /api/sales", traceparent, () -> sellInSpan(contentType, body, idempotencyKey));
    }

    private Answered sellInSpan(String contentType, String body, String idempotencyKey) {
        if (!JsonContentType.isJson(contentType)) {
            return Answered.refused(JsonContentType.unsupported());
        }
        if (body == null || body.isEmpty()) {
            return Answered.refused(HttpReply.badRequest("request body must be a JSON object of the documented shape"));
        }
        try {
            var fields = JsonBodies.object(body);
            var purchase = SaleReplies.purchase(fields);
            var waiting = BackorderReplies.request(fields);
            if (waiting.isPresent()) {
                var outcome = backordering.sell(purchase, waiting.get(), idempotencyKey);
                if (outcome instanceof Backordering.Backordered placed) {
                    return new Answered(null, BackorderReplies.backordered(placed), true);
                }
                var result = ((Backordering.Sale) outcome).result();
                return new Answered(result, SaleReplies.of(result));
            }
            SaleResult result = idempotencyKey == null
                    ? checkout.sell(purchase)
                    : sellingOnce.sell(idempotencyKey, purchase);
            return new Answered(result, SaleReplies.of(result));
        } catch (IllegalArgumentException e) {
            return Answered.refused(HttpReply.badRequest(e.getMessage()));
        }
    }

    /**
     * {@code POST /send}: one donut of {@code MessageAttributeProductId}; the body's other legacy fields
     * are not read. Sent as JSON, as {@code /api/sales} is, so no other site's page can buy through it.
     * Its errors keep the legacy shape, plain JSON {@code {"status","message"}} (see {@link HttpReply#legacy()}).
     */
    public Answered send(String contentType, String body) {
        return send(contentType, body, null);
    }

    /** {@code POST /send} in a span continuing the request's {@code traceparent} header (may be null). */
    public Answered send(String contentType, String body, String traceparent) {
        return traced("POST /send", traceparent, () -> sendInSpan(contentType, body));
    }

    private Answered sendInSpan(String contentType, String body) {
        if (!JsonContentType.isJson(contentType)) {
            return Answered.refused(JsonContentType.unsupported().legacy());
        }
        try {
            SaleResult result = checkout.sell(SaleReplies.legacyPurchase(JsonBodies.object(body)));
            return new Answered(result, SaleReplies.legacy(result));
        } catch (IllegalArgumentException e) {
            return Answered.refused(HttpReply.badRequest(e.getMessage()).legacy());
        }
    }

    private Answered traced(String name, String traceparent, Supplier<Answered> purchase) {
        return tracing.inSpan(name, SpanKind.SERVER, traceparent, span -> {
            span.setAttribute("http.request.method", "POST");
            span.setAttribute("http.route", name.substring(name.indexOf(' ') + 1));
            Answered answered = purchase.get();
            span.setAttribute("http.response.status_code", answered.reply().status());
            if (answered.result() != null) {
                span.setAttribute("donut.sale", answered.result().getClass().getSimpleName());
            }
            return answered;
        });
    }
}
