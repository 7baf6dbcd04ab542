package io.donutstates.lambda;

import io.donutstates.http.OpsSummaryAnswer;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.donutstates.http.HttpReply;
import io.donutstates.http.DeadLetterEndpoints;
import io.donutstates.http.LedgerAuditEndpoints;
import io.donutstates.http.PageLimit;
import io.donutstates.http.StockAdminEndpoints;
import io.donutstates.stock.Sku;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's endpoints behind API Gateway, as the service has them, each behind the admin bearer
 * token ({@code Authorization: Bearer <token>}): the token is read once per container from the Secrets
 * Manager secret {@code DONUT_ADMIN_TOKEN_SECRET_ARN} (or {@code DONUT_ADMIN_TOKEN} for local runs)
 * and compared in constant time; without one configured every request is refused.
 * <ul>
 *   <li>{@code GET /api/admin/dlq?limit=}, {@code POST /api/admin/dlq/redrive},
 *       {@code POST /api/admin/dlq/{id}/redrive}, {@code DELETE /api/admin/dlq/{id}?reason=}</li>
 *   <li>{@code PUT /api/admin/products/{sku}/stock} (a stock count), {@code PUT /api/admin/products/{sku}/policy}</li>
 *   <li>{@code GET /api/admin/products/{sku}/backorders}, {@code PUT /api/admin/products/{sku}/backorder-policy},
 *       {@code GET /api/admin/backorders/waiting}</li>
 *   <li>{@code GET /api/admin/invariants}: does every shelf agree with its ledger</li>
 *   <li>{@code GET /api/ops/summary}: queue depths, replenishments by status, recent alerts</li>
 * </ul>
 * A redriven replenishment's fresh event is relayed at once (the scheduled relay would publish it
 * within a minute anyway). Ledger replays and archives are jobs of the service only.
 */
public class AdminApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger log = LoggerFactory.getLogger(AdminApiHandler.class);
    static final String TOKEN_SECRET = "DONUT_ADMIN_TOKEN_SECRET_ARN";
    private static final String DLQ = "/api/admin/dlq";
    private static final String PRODUCTS = "/api/admin/products/";
    /** A redrive of everything stops with this much of the invocation left, and says there is more. */
    private static final long REDRIVE_RESERVE_MILLIS = 5_000;
    private static final Duration ENDED_WINDOW = Duration.ofHours(24);

    private final LambdaShop shop;
    private final byte[] token;
    private final Clock clock = Clock.systemUTC();
    private final StockAdminEndpoints stockAdmin;
    private final LedgerAuditEndpoints ledger;
    private final DeadLetterEndpoints deadLetters;

    /** Used by AWS Lambda: the shop and the admin token are read from the container's environment once, at init. */
    public AdminApiHandler() {
        this(LambdaShop.fromEnvironment());
    }

    public AdminApiHandler(LambdaShop shop) {
        this(shop, adminToken(shop.settings()));
    }

    AdminApiHandler(LambdaShop shop, String token) {
        this.shop = shop;
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
        this.stockAdmin = new StockAdminEndpoints(shop.shop().sales().adjusting());
        this.ledger = shop.shop().audit().endpoints();
        this.deadLetters = shop.deadLetterEndpoints(this::relay);
    }

    /** DONUT_ADMIN_TOKEN (local runs), else the secret named by DONUT_ADMIN_TOKEN_SECRET_ARN, else none. */
    static String adminToken(LambdaSettings settings) {
        return settings.optional("DONUT_ADMIN_TOKEN")
                .or(() -> settings.optional(TOKEN_SECRET).map(arn -> DatabaseSettings.readSecret(settings, arn)))
                .map(String::strip)
                .orElse(null);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        LongSupplier remaining = context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis;
        return HttpApiRequest.respond(event, request -> authorised(request) ? route(request, remaining)
                : unauthorised(), log);
    }

    private boolean authorised(HttpApiRequest request) {
        String header = request.header("Authorization").orElse(null);
        return token != null && header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private HttpReply unauthorised() {
        return HttpReply.error(401, "UNAUTHORIZED", token == null
                ? "admin actions are disabled: no admin token is configured"
                : "admin actions need Authorization: Bearer <admin token>");
    }

    private HttpReply route(HttpApiRequest request, LongSupplier remainingMillis) {
        String path = request.path();
        String method = request.method();
        if (path.equals("/api/ops/summary")) {
            return method.equals("GET") ? summary() : HttpReply.methodNotAllowed(method);
        }
        if (path.equals("/api/admin/invariants")) {
            return method.equals("GET") ? ledger.invariants() : HttpReply.methodNotAllowed(method);
        }
        if (path.equals(DLQ)) {
            return method.equals("GET") ? deadLetters.list(PageLimit.parse(request.queryParameter("limit").orElse(null)))
                    : HttpReply.methodNotAllowed(method);
        }
        if (path.equals(DLQ + "/redrive")) {
            return method.equals("POST")
                    ? deadLetters.redriveAll(() -> remainingMillis.getAsLong() >= REDRIVE_RESERVE_MILLIS)
                    : HttpReply.methodNotAllowed(method);
        }
        if (path.startsWith(DLQ + "/")) {
            String[] rest = path.substring(DLQ.length() + 1).split("/", -1);
            if (rest.length == 2 && rest[1].equals("redrive") && !rest[0].isEmpty()) {
                return method.equals("POST") ? deadLetters.redriveOne(request.decoded(rest[0])) : HttpReply.methodNotAllowed(method);
            }
            if (rest.length == 1 && !rest[0].isEmpty()) {
                return method.equals("DELETE")
                        ? deadLetters.discard(request.decoded(rest[0]), request.queryParameter("reason").orElse(null))
                        : HttpReply.methodNotAllowed(method);
            }
        }
        if (path.equals("/api/admin/backorders/waiting")) {
            return method.equals("GET") ? shop.shop().backorders().endpoints().waiting()
                    : HttpReply.methodNotAllowed(method);
        }
        if (path.startsWith(PRODUCTS)) {
            String[] rest = path.substring(PRODUCTS.length()).split("/", -1);
            if (rest.length == 2 && !rest[0].isEmpty() && rest[1].equals("backorders")) {
                return method.equals("GET") ? shop.shop().backorders().endpoints().list(request.decoded(rest[0]),
                        request.queryParameter("before").orElse(null), request.queryParameter("limit").orElse(null))
                        : HttpReply.methodNotAllowed(method);
            }
            if (rest.length == 2 && !rest[0].isEmpty() && rest[1].equals("backorder-policy")) {
                return method.equals("PUT") ? shop.shop().backorders().endpoints().setPolicy(request.decoded(rest[0]),
                        request.body()) : HttpReply.methodNotAllowed(method);
            }
            if (rest.length == 2 && !rest[0].isEmpty() && (rest[1].equals("stock") || rest[1].equals("policy"))) {
                if (!method.equals("PUT")) {
                    return HttpReply.methodNotAllowed(method);
                }
                Sku sku = Sku.of(request.decoded(rest[0]));
                return rest[1].equals("stock") ? setStock(sku, request) : changePolicy(sku, request);
            }
        }
        return HttpApiRequest.notFound(path);
    }

    // ------------------------------------------------------------------ dead letters

    /** Publishes the redriven events at once; the scheduled relay would otherwise, within its interval. */
    private void relay() {
        try {
            shop.relaying().relayBatch();
        } catch (RuntimeException e) {
            log.warn("relaying the redriven events at once failed; the scheduled relay will publish them: {}",
                    e.toString());
        }
    }

    // ------------------------------------------------------------------ stock

    private HttpReply setStock(Sku sku, HttpApiRequest request) {
        return stockAdmin.setStock(sku.value(), request.body());
    }

    private HttpReply changePolicy(Sku sku, HttpApiRequest request) {
        return stockAdmin.changePolicy(sku.value(), request.body());
    }

    // ------------------------------------------------------------------ ops summary

    /** The service's {@code /api/ops/summary}, read now; sales per second are counted by each service instance only. */
    private HttpReply summary() {
        var now = clock.instant();
        var depths = shop.queueDepths();
        long oldest = shop.replenishmentViews().oldestWaitingSince()
                .map(t -> Duration.between(t, now).toSeconds()).orElse(0L);
        return new HttpReply(200, OpsSummaryAnswer.of(depths.stockQueue(), depths.deadLetterQueue(), oldest, List.of(),
                shop.replenishmentViews().countByStatus(now.minus(ENDED_WINDOW)), shop.recentAlerts().recent(20)));
    }
}
