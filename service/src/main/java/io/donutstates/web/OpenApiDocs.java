package io.donutstates.web;

import static io.donutstates.web.ApiSchemas.array;
import static io.donutstates.web.ApiSchemas.ref;
import static io.donutstates.web.ApiSchemas.text;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}). Every
 * operation gets its id, tag, summary, typed success answer and the error answers of README's API
 * table (schema {@code Error} as {@code application/problem+json}; {@code LegacyError} on {@code /send}), here, by method and path, whatever the controllers serving them
 * return: many answers are built as maps or replies, which springdoc cannot see. The admin bearer
 * token is the {@code adminToken} scheme of {@code /api/admin/**}; every other operation is public.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

    static final String ADMIN_TOKEN = "adminToken";
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** One operation as documented: where, what it is called, what it answers. */
    record Documented(PathItem.HttpMethod method, String path, String operationId, String tag, String summary,
                      String successStatus, String successDescription, Schema<?> success,
                      Map<String, String> errors, Consumer<Operation> more) {

        boolean admin() {
            return path.startsWith("/api/admin/");
        }
    }

    @Bean
    OpenAPI donutStatesOpenApi() {
        var components = new Components().addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("the admin token (DONUT_ADMIN_TOKEN; printed at start-up by the all-in-one)"));
        return new OpenAPI()
                .info(new Info()
                        .title("Donut-States Sales API")
                        .version("0.3.0-SNAPSHOT")
                        .description("""
                                Buy donuts, watch stock and replenishments, and run the shop.

                                A sale takes stock in one atomic statement. When a product runs short a \
                                replenishment is recorded with its event (transactional outbox); the event goes \
                                through `stock_queue` to the factory, which calls back when production is done, \
                                and stock rises exactly once per replenishment. Messages that cannot be processed \
                                end in `dead_letter_queue` and operations are told.

                                Replenishment stages: `REQUESTED` → `ORDERED` → `DELIVERED`, or `FAILED`.
                                Every error answer is RFC 9457 problem details, `application/problem+json` \
                                (schema `Error`): `type` (one URI per error word), `title`, `detail`, and, as \
                                before, the error word in `status` and the detail in `message`. The legacy \
                                `POST /send` answers its errors as it always did (schema `LegacyError`).
                                `/api/admin/**` needs `Authorization: Bearer <DONUT_ADMIN_TOKEN>`.
                                The ops dashboard is served at `/`; metrics at `/actuator/prometheus`, with the admin token."""))
                .tags(List.of(
                        tag("sales", "Buying donuts, and the legacy clients' POST /send"),
                        tag("catalog", "Products, their live stock and their ledger"),
                        tag("replenishments", "Replenishments under way and done"),
                        tag("ops", "What the ops dashboard shows"),
                        tag("admin", "Stock counts and reorder rules (admin token)"),
                        tag("ledger-audit", "The books: audit, full replay and archive (admin token)"),
                        tag("dead-letters", "Messages in dead_letter_queue: list, redrive, discard (admin token)"),
                        tag("factory", "The factory's production-complete callback"),
                        tag("backorders", "Purchases waiting for the next delivery: read, cancel, and per product (admin)")))
                .components(components);
    }

    @Bean
    OpenApiCustomizer donutStatesOperations() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                openApi.setPaths(new Paths());
            }
            // Spring's error dispatch is no endpoint of the API.
            openApi.getPaths().remove("/error");
            // The named schemas describe every body; springdoc's own guesses (from the controllers'
            // return types) would be unused, and it would have dropped schemas set on the bean above.
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().setSchemas(new LinkedHashMap<>(ApiSchemas.all()));
            for (Documented documented : operations()) {
                PathItem item = openApi.getPaths().get(documented.path());
                Operation operation = item == null ? null : item.readOperationsMap().get(documented.method());
                if (operation == null) {
                    if (!SERVLET_PATHS.contains(documented.path())) {
                        continue;
                    }
                    // The purchase endpoints are served by a servlet of their own, outside Spring MVC.
                    operation = new Operation();
                    if (item == null) {
                        item = new PathItem();
                        openApi.getPaths().addPathItem(documented.path(), item);
                    }
                    item.operation(documented.method(), operation);
                }
                describe(operation, documented);
            }
        };
    }

    static final List<String> SERVLET_PATHS = List.of("/api/sales", "/send");

    private static void describe(Operation operation, Documented documented) {
        operation.operationId(documented.operationId()).tags(List.of(documented.tag())).summary(documented.summary());
        var responses = new ApiResponses();
        responses.addApiResponse(documented.successStatus(),
                answer(documented.successDescription(), documented.success()));
        Map<String, String> errors = new LinkedHashMap<>(documented.errors());
        if (documented.admin()) {
            errors.put("401", "no or wrong admin token");
        }
        boolean legacy = documented.path().equals("/send");
        errors.forEach((status, description) -> responses.addApiResponse(status, legacy
                ? answer(description, ref("LegacyError"))
                : problem(description)));
        operation.responses(responses);
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getDescription() == null) {
                    parameter.setDescription(parameterDescription(documented.path(), parameter.getName()));
                }
            }
        }
        if (documented.admin()) {
            operation.security(List.of(new SecurityRequirement().addList(ADMIN_TOKEN)));
        } else {
            operation.security(new ArrayList<>());
        }
        if (documented.more() != null) {
            documented.more().accept(operation);
        }
    }

    private static String parameterDescription(String path, String name) {
        return switch (name) {
            case "sku" -> "the product's SKU (read trimmed and in upper case)";
            case "limit" -> "most entries answered, 1-1000";
            case "id" -> path.startsWith("/api/admin/dlq") ? "the dead letter's id, from GET /api/admin/dlq"
                    : "the replenishment's id (a UUID)";
            case "reason" -> "why it is discarded, kept in the replenishment's notes (at most 500 characters)";
            case "token" -> "the callback's signed token, as given in the order's CallbackUrl";
            default -> null;
        };
    }

    /** Every operation of the API, as README's API table lists it. */
    static List<Documented> operations() {
        var get = PathItem.HttpMethod.GET;
        var post = PathItem.HttpMethod.POST;
        var put = PathItem.HttpMethod.PUT;
        var delete = PathItem.HttpMethod.DELETE;
        String limit = "limit out of 1-1000, or a parameter of the wrong type";
        return List.of(
                new Documented(post, "/api/sales", "sell", "sales", "Buy donuts",
                        "201", "sold", ref("Sale"), errors(
                                "400", "invalid body (quantity not a JSON integer, a field named twice, …)",
                                "404", "unknown SKU",
                                "415", "not JSON",
                                "422", "Idempotency-Key reused for another purchase",
                                "503", "the database could not be reached within DONUT_DB_CONNECTION_WAIT; "
                                        + "nothing was sold (Retry-After: 5)"),
                        op -> {
                            op.description("Takes stock atomically; when the shelf is short, a replenishment is "
                                    + "started and named in the 409 answer. An optional Idempotency-Key header makes "
                                    + "a retry return the first answer. The body is JSON (application/json or "
                                    + "application/*+json), quantity a JSON integer, no field named twice; the SKU "
                                    + "is read trimmed and in upper case.");
                            op.parameters(new ArrayList<>(List.of(new HeaderParameter().name("Idempotency-Key")
                                    .required(false)
                                    .description("any text unique to this purchase; a retry with it gets the first answer")
                                    .schema(text("order-4711", null)))));
                            op.requestBody(body(ref("Purchase")));
                            op.getResponses().addApiResponse("409",
                                    answer("out of stock; a replenishment is under way", ref("OutOfStock")));
                            op.getResponses().addApiResponse("202", answer("backordered (\"backorder\": true): "
                                    + "waiting for the next delivery", ref("Backordered")));
                        }),
                new Documented(post, "/send", "legacySend", "sales",
                        "Legacy sale (the course's clients): one donut of MessageAttributeProductId",
                        "200", "판매완료 (sold) or 재고부족, 제품 생산 요청! (out of stock, production requested)",
                        ref("LegacyAnswer"), errors("400", "invalid body", "415", "not JSON"),
                        op -> {
                            op.requestBody(body(ref("LegacyPurchase")));
                            op.getResponses().addApiResponse("404",
                                    answer("unknown SKU, in the legacy shape", ref("LegacyAnswer")));
                        }),
                new Documented(get, "/api/products", "listProducts", "catalog",
                        "The catalog with stock, reorder policy and waiting backorders", "200", "every product",
                        array(ref("Product"), null), errors(), null),
                new Documented(get, "/api/products/{sku}", "getProduct", "catalog", "One product",
                        "200", "the product, with its waiting backorders", ref("Product"), errors("404", "unknown SKU"), null),
                new Documented(get, "/api/products/{sku}/ledger", "getProductLedger", "catalog",
                        "Every stock change of a product, newest first, with the stock it left",
                        "200", "ledger lines, newest first", array(ref("LedgerLine"), null),
                        errors("400", limit, "404", "unknown SKU"), null),
                new Documented(get, "/api/replenishments", "listReplenishments", "replenishments",
                        "Replenishments, newest first, of every product or one", "200",
                        "replenishments; a delivered one with the backorders it fulfilled",
                        array(ref("Replenishment"), null), errors("400", limit), null),
                new Documented(get, "/api/replenishments/{id}", "getReplenishment", "replenishments",
                        "One replenishment, with what operators did to it", "200",
                        "the replenishment; delivered, with the backorders it fulfilled",
                        ref("Replenishment"), errors("400", "the id is not a UUID", "404", "no such replenishment"), null),
                new Documented(get, "/api/ops/summary", "getOpsSummary", "ops",
                        "Queue depths, sales per second, replenishments by status, recent alerts", "200", "the summary",
                        ref("OpsSummary"), errors(), null),
                new Documented(put, "/api/admin/products/{sku}/stock", "setStock", "admin",
                        "Set the counted stock (recorded in the ledger)", "200", "the product with its new stock",
                        ref("Product"), errors("400", "invalid body", "404", "unknown SKU"),
                        op -> op.requestBody(body(ref("StockCount")))),
                new Documented(put, "/api/admin/products/{sku}/policy", "setReorderPolicy", "admin",
                        "Change the product's reorder rule", "200", "the product with its new rule",
                        ref("Product"), errors("400", "invalid body", "404", "unknown SKU"),
                        op -> op.requestBody(body(ref("ReorderPolicy")))),
                new Documented(get, "/api/backorders/{id}", "getBackorder", "backorders", "One backorder", "200",
                        "the backorder", ref("Backorder"), errors("400", "not a UUID", "404", "no such backorder"),
                        null),
                new Documented(delete, "/api/backorders/{id}", "cancelBackorder", "backorders",
                        "Cancel a waiting backorder with its secret (Backorder-Secret header)", "200",
                        "the cancelled backorder", ref("Backorder"), errors("400", "not a UUID",
                                "404", "no such backorder, or not with that secret",
                                "409", "the backorder has ended already"),
                        null),
                new Documented(get, "/api/admin/products/{sku}/backorders", "listBackorders", "backorders",
                        "A product's backorders, newest first (admin)", "200", "the backorders",
                        array(ref("Backorder"), null), errors("400", limit, "404", "unknown SKU"), null),
                new Documented(put, "/api/admin/products/{sku}/backorder-policy", "setBackorderPolicy", "backorders",
                        "Set the product's backorder rules (admin)", "200", "the product's rules",
                        ref("BackorderPolicy"), errors("400", "invalid body", "404", "unknown SKU"),
                        op -> op.requestBody(body(ref("BackorderPolicy")))),
                new Documented(get, "/api/admin/backorders/waiting", "waitingBackorders", "backorders",
                        "Waiting backorders per product (admin)", "200", "each product with waiting backorders",
                        array(ref("WaitingBackorders"), null), errors(), null),
                new Documented(get, "/api/admin/invariants", "getAudit", "ledger-audit",
                        "Audit: every shelf agrees with its ledger, and the last full replay", "200", "the audit",
                        ref("Audit"), errors(), null),
                new Documented(post, "/api/admin/ledger/replay", "startReplay", "ledger-audit",
                        "Start (or name the running) full replay of the ledger, in the background",
                        "202", "the replay, started or running", ref("ReplayProgress"), errors(), null),
                new Documented(get, "/api/admin/ledger/replay", "getReplay", "ledger-audit",
                        "The progress of the latest full replay", "200", "its progress", ref("ReplayProgress"),
                        errors("404", "no replay was started"), null),
                new Documented(post, "/api/admin/ledger/archive", "startArchive", "ledger-audit",
                        "Archive the books older than a day, once exported, in the background",
                        "202", "the archive, started", ref("ArchiveProgress"),
                        errors("400", "a bad or too recent time", "409", "an archive runs already"),
                        op -> op.requestBody(body(ref("ArchiveRequest")))),
                new Documented(get, "/api/admin/ledger/archive", "getArchive", "ledger-audit",
                        "The progress of the latest archive", "200", "its progress", ref("ArchiveProgress"),
                        errors("404", "no archive was asked for"), null),
                new Documented(get, "/api/admin/dlq", "listDeadLetters", "dead-letters",
                        "Dead-lettered messages, not consumed", "200", "the dead letters", array(ref("DeadLetter"), null),
                        errors("400", limit), null),
                new Documented(post, "/api/admin/dlq/{id}/redrive", "redriveDeadLetter", "dead-letters",
                        "Send one dead letter back to work; its replenishment resumes", "200", "redriven",
                        ref("Redriven"), errors("404", "no such dead letter"), null),
                new Documented(post, "/api/admin/dlq/redrive", "redriveAllDeadLetters", "dead-letters",
                        "Send every dead letter back to work", "200", "how many were redriven", ref("Redriven"),
                        errors(), null),
                new Documented(delete, "/api/admin/dlq/{id}", "discardDeadLetter", "dead-letters",
                        "Discard one dead letter; the reason stays in its replenishment's notes", "200", "discarded",
                        ref("Discarded"), errors("400", "reason over 500 characters", "404", "no such dead letter"), null),
                new Documented(post, "/api/factory/callbacks/{id}", "deliveryCallback", "factory",
                        "The factory's production-complete callback (JSON or text/plain body)",
                        "200", "DELIVERED, or ALREADY_DELIVERED for a repeated callback", ref("DeliveryAnswer"),
                        errors("400", "bad count (zero, negative, not a whole number) or body",
                                "401", "no token",
                                "403", "wrong token (also another replenishment's)",
                                "404", "no such replenishment",
                                "409", "the callback names another product",
                                "422", "more than was ordered (beyond DONUT_FACTORY_OVER_DELIVERY_TOLERANCE); "
                                        + "nothing changed"),
                        op -> op.requestBody(new RequestBody().required(true).content(new Content()
                                .addMediaType(JSON, new MediaType().schema(ref("DeliveryCallback")))
                                .addMediaType("text/plain", new MediaType().schema(ref("DeliveryCallback")))))));
    }

    private static Map<String, String> errors(String... statusThenDescription) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < statusThenDescription.length; i += 2) {
            errors.put(statusThenDescription[i], statusThenDescription[i + 1]);
        }
        return errors;
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static RequestBody body(Schema<?> schema) {
        return new RequestBody().required(true).content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Error"))));
    }

    private static ApiResponse answer(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }
}
