package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.donutstates.http.HttpReply;
import io.donutstates.http.SalesEndpoints;
import io.donutstates.http.PageLimit;
import io.donutstates.stock.Sku;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sales API behind API Gateway (HTTP API, payload 2.0): the same routes and the same JSON as
 * the service's controllers, answered by the shared {@code io.donutstates.http} contracts
 * ({@code SalesEndpoints}, {@code ReadEndpoints}); this class only routes.
 * <ul>
 *   <li>{@code POST /api/sales} (optional {@code Idempotency-Key}) and the legacy {@code POST /send}</li>
 *   <li>{@code GET /api/products}, {@code GET /api/products/{sku}}, {@code GET /api/products/{sku}/ledger}</li>
 *   <li>{@code GET /api/replenishments?sku=&limit=}, {@code GET /api/replenishments/{id}}</li>
 *   <li>{@code GET /api/backorders/{id}}, {@code DELETE /api/backorders/{id}} ({@code Backorder-Secret})</li>
 * </ul>
 * Bad input is 400 with a message, an unknown route 404, and a failure never shows a stack trace.
 * After an out-of-stock or backordered answer it relays one outbox batch at once, so the factory
 * hears of the shortage without waiting for the scheduled relay (which still guarantees delivery if
 * this fails).
 */
public class SalesApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger log = LoggerFactory.getLogger(SalesApiHandler.class);
    private static final String PRODUCTS = "/api/products";
    private static final String REPLENISHMENTS = "/api/replenishments";
    private static final String BACKORDERS = "/api/backorders/";

    private final LambdaShop shop;
    private final boolean relayOnShortage;

    /** Used by AWS Lambda: the shop is wired from the container's environment once, at init. */
    public SalesApiHandler() {
        this(LambdaShop.fromEnvironment());
    }

    public SalesApiHandler(LambdaShop shop) {
        this.shop = shop;
        this.relayOnShortage = shop.settings().flag("DONUT_RELAY_ON_SHORTAGE", true);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return HttpApiRequest.respond(event, this::route, log);
        } finally {
            shop.flushTraces();
        }
    }

    private HttpReply route(HttpApiRequest request) {
        String path = request.path();
        String method = request.method();
        if (path.equals("/api/sales")) {
            return method.equals("POST") ? sell(request) : HttpReply.methodNotAllowed(method);
        }
        if (path.equals("/send")) {
            return method.equals("POST") ? legacySend(request) : HttpReply.methodNotAllowed(method);
        }
        if (path.startsWith(BACKORDERS) && path.length() > BACKORDERS.length()
                && path.indexOf('/', BACKORDERS.length()) < 0) {
            String id = request.decoded(path.substring(BACKORDERS.length()));
            var backorders = shop.shop().backorders().endpoints();
            return switch (method) {
                case "GET" -> backorders.get(id);
                case "DELETE" -> backorders.cancel(id,
                        request.header(io.donutstates.http.BackorderEndpoints.SECRET_HEADER).orElse(null));
                default -> HttpReply.methodNotAllowed(method);
            };
        }
        if (path.equals(PRODUCTS) || path.startsWith(PRODUCTS + "/")
                || path.equals(REPLENISHMENTS) || path.startsWith(REPLENISHMENTS + "/")) {
            if (!method.equals("GET")) {
                return knownPath(path) ? HttpReply.methodNotAllowed(method) : HttpApiRequest.notFound(path);
            }
            return read(request);
        }
        return HttpApiRequest.notFound(path);
    }

    private static boolean knownPath(String path) {
        String[] parts = segments(path);
        return parts != null && (parts.length <= 2 || (parts.length == 3 && parts[0].equals("products")
                && parts[2].equals("ledger")));
    }

    private HttpReply sell(HttpApiRequest request) {
        return relayIfShort(shop.salesEndpoints().sell(request.header("Content-Type").orElse(null),
                request.body(), request.header("Idempotency-Key").orElse(null),
                request.header("traceparent").orElse(null)));
    }

    private HttpReply legacySend(HttpApiRequest request) {
        return relayIfShort(shop.salesEndpoints().send(request.header("Content-Type").orElse(null), request.body(),
                request.header("traceparent").orElse(null)));
    }

    private HttpReply relayIfShort(SalesEndpoints.Answered answered) {
        if (relayOnShortage && answered.ranShort()) {
            relayShortage();
        }
        return answered.reply();
    }

    private void relayShortage() {
        try {
            shop.relaying().relayBatch();
        } catch (RuntimeException e) {
            log.warn("relaying the shortage at once failed; the scheduled relay will publish it: {}", e.toString());
        }
    }

    private HttpReply read(HttpApiRequest request) {
        String[] parts = segments(request.path());
        if (parts == null) {
            return HttpApiRequest.notFound(request.path());
        }
        var reads = shop.readEndpoints();
        boolean products = parts[0].equals("products");
        if (parts.length == 1) {
            return products ? reads.products() : reads.replenishments(request.queryParameter("sku"), limit(request));
        }
        if (parts.length == 2) {
            return products ? reads.product(request.decoded(parts[1])) : reads.replenishment(request.decoded(parts[1]));
        }
        if (parts.length == 3 && products && parts[2].equals("ledger")) {
            String sku = request.decoded(parts[1]);
            Sku.of(sku); // a bad sku is refused before a bad limit, as the service does
            return reads.ledger(sku, limit(request));
        }
        return HttpApiRequest.notFound(request.path());
    }

    private static int limit(HttpApiRequest request) {
        return PageLimit.parse(request.queryParameter("limit").orElse(null));
    }

    /** "/api/products/CP-1/ledger" is ["products", "CP-1", "ledger"]; null when a segment is empty. */
    private static String[] segments(String path) {
        String[] parts = path.substring("/api/".length()).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                return null;
            }
        }
        return parts;
    }
}
