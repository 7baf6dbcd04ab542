package io.donutstates.lambda;

import io.donutstates.http.OpsSummaryAnswer;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.donutstates.http.HttpReply;
import io.donutstates.http.StockAdminEndpoints;
import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.replenishment.RedrivingReplenishment;
import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.stock.AdjustingStock;
import io.donutstates.stock.JdbcStockAudit;
import io.donutstates.stock.Sku;
import java.net.URLDecoder;
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
    private final RedrivingReplenishment redriving;
    private final StockAdminEndpoints stockAdmin;
    private final JdbcStockAudit audit;
    private volatile SqsDeadLetters deadLetters;

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
        var transactions = new SpringJdbcTransactions(shop.dataSource());
        this.redriving = new RedrivingReplenishment(shop.replenishments(), shop.outbox(), transactions, clock);
        this.stockAdmin = new StockAdminEndpoints(new AdjustingStock(shop.stock(), shop.ledger(), transactions, clock));
        this.audit = new JdbcStockAudit(shop.dataSource());
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
            return method.equals("GET") ? new HttpReply(200, audit.audit()) : HttpReply.methodNotAllowed(method);
        }
        if (path.equals(DLQ)) {
            return method.equals("GET") ? listDeadLetters(request) : HttpReply.methodNotAllowed(method);
        }
        if (path.equals(DLQ + "/redrive")) {
            return method.equals("POST") ? redriveAll(remainingMillis) : HttpReply.methodNotAllowed(method);
        }
        if (path.startsWith(DLQ + "/")) {
            String[] rest = path.substring(DLQ.length() + 1).split("/", -1);
            if (rest.length == 2 && rest[1].equals("redrive") && !rest[0].isEmpty()) {
                return method.equals("POST") ? redriveOne(decode(rest[0])) : HttpReply.methodNotAllowed(method);
            }
            if (rest.length == 1 && !rest[0].isEmpty()) {
                return method.equals("DELETE") ? discard(decode(rest[0]), request) : HttpReply.methodNotAllowed(method);
            }
        }
        if (path.equals("/api/admin/backorders/waiting")) {
            return method.equals("GET") ? shop.shop().backorders().endpoints().waiting()
                    : HttpReply.methodNotAllowed(method);
        }
        if (path.startsWith(PRODUCTS)) {
            String[] rest = path.substring(PRODUCTS.length()).split("/", -1);
            if (rest.length == 2 && !rest[0].isEmpty() && rest[1].equals("backorders")) {
                return method.equals("GET") ? shop.shop().backorders().endpoints().list(decode(rest[0]),
                        request.queryParameter("before").orElse(null), request.queryParameter("limit").orElse(null))
                        : HttpReply.methodNotAllowed(method);
            }
            if (rest.length == 2 && !rest[0].isEmpty() && rest[1].equals("backorder-policy")) {
                return method.equals("PUT") ? shop.shop().backorders().endpoints().setPolicy(decode(rest[0]),
                        request.body()) : HttpReply.methodNotAllowed(method);
            }
            if (rest.length == 2 && !rest[0].isEmpty() && (rest[1].equals("stock") || rest[1].equals("policy"))) {
                if (!method.equals("PUT")) {
                    return HttpReply.methodNotAllowed(method);
                }
                Sku sku = Sku.of(decode(rest[0]));
                return rest[1].equals("stock") ? setStock(sku, request) : changePolicy(sku, request);
            }
        }
        return HttpApiRequest.notFound(path);
    }

    // ------------------------------------------------------------------ dead letters

    private SqsDeadLetters deadLetters() {
        var letters = deadLetters;
        if (letters == null) {
            letters = new SqsDeadLetters(shop.sqs(), shop.queues());
            deadLetters = letters;
        }
        return letters;
    }

    private HttpReply listDeadLetters(HttpApiRequest request) {
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
        return new HttpReply(200, deadLetters().list(limit).stream().map(DeadLetterView::of).toList());
    }

    private HttpReply redriveOne(String id) {
        var letter = deadLetters().take(id);
        if (letter.isEmpty()) {
            return unknownDeadLetter(id);
        }
        redrive(letter.get());
        relay();
        return new HttpReply(200, Map.of("redriven", 1));
    }

    /** Every dead letter, or as many as the invocation has time for: then {@code "more": true}, call again. */
    private HttpReply redriveAll(LongSupplier remainingMillis) {
        int redriven = 0;
        boolean more = false;
        for (var listed : deadLetters().list(1000)) {
            if (remainingMillis.getAsLong() < REDRIVE_RESERVE_MILLIS) {
                more = true;
                break;
            }
            var letter = deadLetters().take(listed.id());
            if (letter.isPresent()) {
                redrive(letter.get());
                redriven++;
            }
        }
        if (redriven > 0) {
            relay();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("redriven", redriven);
        if (more) {
            body.put("more", true);
        }
        return new HttpReply(200, body);
    }

    private void redrive(SqsDeadLetters.DeadLetter letter) {
        if (letter.replenishmentId() != null) {
            // The outbox sends a fresh event; the dead copy can go once that is committed.
            var outcome = redriving.redrive(ReplenishmentId.parse(letter.replenishmentId()));
            log.info("dead letter {} of replenishment {} redriven: {}", letter.id(), letter.replenishmentId(), outcome);
        } else {
            deadLetters().sendBackToStockQueue(letter);
        }
        deadLetters().delete(letter);
    }

    private HttpReply discard(String id, HttpApiRequest request) {
        String reason = request.queryParameter("reason").orElse("discarded by an operator");
        if (reason.length() > 500) {
            throw new IllegalArgumentException("reason must be at most 500 characters");
        }
        var letter = deadLetters().take(id);
        if (letter.isEmpty()) {
            return unknownDeadLetter(id);
        }
        if (letter.get().replenishmentId() != null) {
            redriving.discard(ReplenishmentId.parse(letter.get().replenishmentId()), reason);
        }
        deadLetters().delete(letter.get());
        log.info("dead letter {} discarded: {}", id, reason);
        return new HttpReply(200, Map.of("discarded", 1));
    }

    private void relay() {
        try {
            shop.relaying().relayBatch();
        } catch (RuntimeException e) {
            log.warn("relaying the redriven events at once failed; the scheduled relay will publish them: {}",
                    e.toString());
        }
    }

    private static HttpReply unknownDeadLetter(String id) {
        return HttpReply.error(404, "UNKNOWN_DEAD_LETTER", "no dead-lettered message " + id);
    }

    /** A dead-lettered message as the admin API shows it (the service's shape). */
    record DeadLetterView(String id, String sku, String replenishmentId, int receiveCount, Instant firstFailureAt,
                          Instant lastFailureAt, String body) {
        static DeadLetterView of(SqsDeadLetters.DeadLetter letter) {
            return new DeadLetterView(letter.id(), letter.sku(), letter.replenishmentId(), letter.receiveCount(),
                    letter.firstFailureAt(), letter.lastFailureAt(), letter.body());
        }
    }

    // ------------------------------------------------------------------ stock

    private HttpReply setStock(Sku sku, HttpApiRequest request) {
        return stockAdmin.setStock(sku.value(), request.body());
    }

    private HttpReply changePolicy(Sku sku, HttpApiRequest request) {
        return stockAdmin.changePolicy(sku.value(), request.body());
    }

    private static HttpReply unknownProduct(Sku sku) {
        return HttpReply.error(404, "UNKNOWN_PRODUCT", "no product with sku " + sku);
    }

    // ------------------------------------------------------------------ ops summary

    /** The service's {@code /api/ops/summary}, read now; sales per second are counted by each service instance only. */
    private HttpReply summary() {
        var now = clock.instant();
        var queues = shop.queues();
        long oldest = shop.replenishmentViews().oldestWaitingSince()
                .map(t -> Duration.between(t, now).toSeconds()).orElse(0L);
        return new HttpReply(200, OpsSummaryAnswer.of(queues.depth(queues.stockQueueUrl()),
                queues.depth(queues.deadLetterQueueUrl()), oldest, List.of(),
                shop.replenishmentViews().countByStatus(now.minus(ENDED_WINDOW)), shop.alerts().recent(20)));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
