package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.donutstates.http.HttpReply;
import io.donutstates.http.SalesEndpoints;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.ReplenishmentView;
import io.donutstates.sales.SaleResult;
import io.donutstates.stock.MovementView;
import io.donutstates.stock.ProductView;
import io.donutstates.stock.Sku;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sales API behind API Gateway (HTTP API, payload 2.0): the same routes and the same JSON as
 * the service's controllers, built by the shared {@code io.donutstates.http} contract.
 * <ul>
 *   <li>{@code POST /api/sales} (optional {@code Idempotency-Key}) and the legacy {@code POST /send}</li>
 *   <li>{@code GET /api/products}, {@code GET /api/products/{sku}}, {@code GET /api/products/{sku}/ledger}</li>
 *   <li>{@code GET /api/replenishments?sku=&limit=}, {@code GET /api/replenishments/{id}}</li>
 * </ul>
 * Bad input is 400 with a message, an unknown route 404, and a failure never shows a stack trace.
 * After an out-of-stock answer it relays one outbox batch at once, so the factory hears of the
 * shortage without waiting for the scheduled relay (which still guarantees delivery if this fails).
 */
public class SalesApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger log = LoggerFactory.getLogger(SalesApiHandler.class);
    private static final String PRODUCTS = "/api/products";
    private static final String REPLENISHMENTS = "/api/replenishments";

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
        return HttpApiRequest.respond(event, this::route, log);
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
                request.body(), request.header("Idempotency-Key").orElse(null)));
    }

    private HttpReply legacySend(HttpApiRequest request) {
        return relayIfShort(shop.salesEndpoints().send(request.header("Content-Type").orElse(null), request.body()));
    }

    private HttpReply relayIfShort(SalesEndpoints.Answered answered) {
        if (relayOnShortage && answered.result() instanceof SaleResult.OutOfStock) {
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
        boolean products = parts[0].equals("products");
        if (parts.length == 1) {
            return products ? new HttpReply(200, shop.stock().all().stream().map(ProductView::of).toList())
                    : replenishments(request);
        }
        if (parts.length == 2 && products) {
            Sku sku = Sku.of(decode(parts[1]));
            return shop.stock().find(sku).map(p -> new HttpReply(200, ProductView.of(p)))
                    .orElseGet(() -> unknownProduct(sku));
        }
        if (parts.length == 2) {
            String id = decode(parts[1]);
            var wanted = ReplenishmentId.parse(id);
            return shop.replenishments().find(wanted)
                    .map(r -> new HttpReply(200, ReplenishmentView.of(r).withNotes(shop.replenishments().notes(wanted))))
                    .orElseGet(() -> HttpReply.error(404, "UNKNOWN_REPLENISHMENT", "no replenishment " + id));
        }
        if (parts.length == 3 && products && parts[2].equals("ledger")) {
            Sku sku = Sku.of(decode(parts[1]));
            int limit = limit(request);
            if (shop.stock().find(sku).isEmpty()) {
                return unknownProduct(sku);
            }
            return new HttpReply(200, shop.ledger().history(sku, limit).stream().map(MovementView::of).toList());
        }
        return HttpApiRequest.notFound(request.path());
    }

    private HttpReply replenishments(HttpApiRequest request) {
        int limit = limit(request);
        Optional<Sku> sku = request.queryParameter("sku").map(Sku::of);
        return new HttpReply(200, shop.replenishments().list(sku, limit).stream().map(ReplenishmentView::of).toList());
    }

    private static int limit(HttpApiRequest request) {
        String text = request.queryParameter("limit").orElse("100");
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number (got '" + text + "')");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return limit;
    }

    private static HttpReply unknownProduct(Sku sku) {
        return HttpReply.error(404, "UNKNOWN_PRODUCT", "no product with sku " + sku);
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

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
