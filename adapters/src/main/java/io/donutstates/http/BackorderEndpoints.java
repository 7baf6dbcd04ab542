package io.donutstates.http;

import io.donutstates.backorder.BackorderId;
import io.donutstates.backorder.BackorderPolicies;
import io.donutstates.backorder.BackorderPolicy;
import io.donutstates.backorder.BackorderViews;
import io.donutstates.backorder.CancellingBackorder;
import io.donutstates.stock.Sku;
import io.donutstates.stock.Stock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The backorder endpoints, answered the same by the service and the Lambda handlers:
 * {@code GET /api/backorders/{id}}, {@code DELETE /api/backorders/{id}} (the buyer's secret in the
 * {@code Backorder-Secret} header), and for admins {@code GET /api/admin/products/{sku}/backorders},
 * {@code PUT /api/admin/products/{sku}/backorder-policy} and {@code GET /api/admin/backorders/waiting}.
 * Bad input throws {@link IllegalArgumentException} with the message the runtime answers 400 with.
 */
public final class BackorderEndpoints {

    public static final String SECRET_HEADER = "Backorder-Secret";

    private final BackorderViews views;
    private final BackorderPolicies policies;
    private final CancellingBackorder cancelling;
    private final Stock stock;
    private final Duration defaultExpiry;

    public BackorderEndpoints(BackorderViews views, BackorderPolicies policies, CancellingBackorder cancelling,
                              Stock stock, Duration defaultExpiry) {
        this.views = views;
        this.policies = policies;
        this.cancelling = cancelling;
        this.stock = stock;
        this.defaultExpiry = defaultExpiry;
    }

    public HttpReply get(String id) {
        var wanted = BackorderId.parse(id);
        return views.find(wanted).map(b -> new HttpReply(200, BackorderReplies.view(b)))
                .orElseGet(() -> notFound(wanted));
    }

    /** No such backorder and a wrong secret are both 404, so backorder ids cannot be probed. */
    public HttpReply cancel(String id, String secret) {
        var wanted = BackorderId.parse(id);
        var result = cancelling.cancel(wanted, secret);
        if (result instanceof CancellingBackorder.Cancelled cancelled) {
            return new HttpReply(200, BackorderReplies.view(cancelled.backorder()));
        }
        if (result instanceof CancellingBackorder.NotWaiting ended) {
            return HttpReply.error(409, "BACKORDER_ENDED", "backorder " + wanted + " is "
                    + ended.backorder().status() + " already; nothing was changed");
        }
        return notFound(wanted);
    }

    /** A product's backorders, newest first; {@code before} a position to page back from (may be null). */
    public HttpReply list(String sku, String before, String limit) {
        Sku product = Sku.of(sku);
        if (stock.find(product).isEmpty()) {
            return ReadEndpoints.unknownProduct(product);
        }
        Long beforePosition = parsePosition(before);
        return new HttpReply(200, views.page(product, beforePosition, PageLimit.parse(limit)).stream()
                .map(BackorderReplies::view).toList());
    }

    /** Each product with waiting backorders: how many, how many donuts, since when the oldest waits. */
    public HttpReply waiting() {
        return new HttpReply(200, views.waitingByProduct(PageLimit.MAX).stream().map(BackorderReplies::waiting).toList());
    }

    /** {@code {"expireAfterMinutes": 120, "maxOrderQuantity": 500}}: a product's own backorder rules. */
    public HttpReply setPolicy(String sku, String body) {
        Sku product = Sku.of(sku);
        var fields = JsonBodies.object(body);
        int minutes = JsonBodies.wholeNumber(fields, "expireAfterMinutes");
        if (minutes < BackorderPolicy.SHORTEST_WAIT.toMinutes() || minutes > BackorderPolicy.LONGEST_WAIT.toMinutes()) {
            throw new IllegalArgumentException("expireAfterMinutes must be between " + BackorderPolicy.SHORTEST_WAIT.toMinutes()
                    + " and " + BackorderPolicy.LONGEST_WAIT.toMinutes() + " (30 days) (got " + minutes + ")");
        }
        var policy = new BackorderPolicy(Duration.ofMinutes(minutes), JsonBodies.wholeNumber(fields, "maxOrderQuantity"));
        if (stock.find(product).isEmpty()) {
            return ReadEndpoints.unknownProduct(product);
        }
        policies.set(product, policy);
        return new HttpReply(200, policy(product, policy));
    }

    /** A product's backorder rules as they apply (its own, or the shop's default). */
    public Map<String, Object> policyOf(Sku product) {
        return policy(product, policies.policyOf(product).orElse(BackorderPolicy.standard(defaultExpiry)));
    }

    private static Map<String, Object> policy(Sku product, BackorderPolicy policy) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sku", product.value());
        view.put("expireAfterMinutes", policy.expireAfter().toMinutes());
        view.put("maxOrderQuantity", policy.maxOrderQuantity());
        return view;
    }

    private static Long parsePosition(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("before must be a backorder position (a whole number)");
        }
    }

    private static HttpReply notFound(BackorderId id) {
        return HttpReply.error(404, "UNKNOWN_BACKORDER", "no backorder " + id + " (or not with that secret)");
    }
}
