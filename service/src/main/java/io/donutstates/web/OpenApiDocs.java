package io.donutstates.web;

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
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}): a title and
 * description, the admin bearer token on {@code /api/admin/**}, and the JSON shapes of the bodies the
 * endpoints read as raw strings (so "Try it out" sends a real purchase, not {@code "string"}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

    private static final String ADMIN_TOKEN = "adminToken";
    private static final String JSON = "application/json";

    @Bean
    OpenAPI donutStatesOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Donut-States Sales API")
                        .version("0.2.0")
                        .description("""
                                Buy donuts, watch stock and replenishments, and run the shop.

                                A sale takes stock in one atomic statement. When a product runs short a \
                                replenishment is recorded with its event (transactional outbox); the event goes \
                                through `stock_queue` to the factory, which calls back when production is done, \
                                and stock rises exactly once per replenishment. Messages that cannot be processed \
                                end in `dead_letter_queue` and operations are told.

                                Replenishment stages: `REQUESTED` → `ORDERED` → `DELIVERED`, or `FAILED`.
                                Every error answer is JSON `{"status": "...", "message": "..."}`.
                                `/api/admin/**` needs `Authorization: Bearer <DONUT_ADMIN_TOKEN>`.
                                The ops dashboard is served at `/`."""))
                .components(new Components().addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("the admin token (DONUT_ADMIN_TOKEN; printed at start-up by the all-in-one)")));
    }

    @Bean
    OpenApiCustomizer donutStatesShapes() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                openApi.setPaths(new Paths());
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/admin/")) {
                    item.readOperations().forEach(operation -> {
                        operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_TOKEN));
                        operation.getResponses().addApiResponse("401", answer("no or wrong admin token", error()));
                    });
                }
            });
            Schema<?> replenishmentRef = object(
                    "id", text("7f9c1e2a-…"), "status", text("REQUESTED"), "quantity", number(10));

            purchase(openApi, "/api/sales", "sell", op -> {
                op.summary("Buy donuts").description("Takes stock atomically; when the shelf is short, a replenishment "
                        + "is started and named in the 409 answer. An optional Idempotency-Key header makes a retry "
                        + "return the first answer. The body is JSON (application/json or application/*+json), "
                        + "quantity a JSON integer, no field named twice; the SKU is read trimmed and in upper case.");
                op.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .description("any text unique to this purchase; a retry with it gets the first answer")
                        .schema(text("order-4711")));
                op.requestBody(body(object("sku", text("CP-502101"), "quantity", number(1))));
                op.responses(new ApiResponses()
                        .addApiResponse("201", answer("sold", object("id", text("…"), "sku", text("CP-502101"),
                                "quantity", number(1), "status", text("SOLD"), "remainingStock", number(2))))
                        .addApiResponse("409", answer("out of stock; a replenishment is under way", object(
                                "status", text("OUT_OF_STOCK"), "sku", text("CP-502101"), "requested", number(1),
                                "available", number(0), "message", text("not enough stock; a replenishment from the "
                                        + "factory is under way"), "replenishment", replenishmentRef)))
                        .addApiResponse("400", answer("invalid body", error()))
                        .addApiResponse("404", answer("unknown SKU", error()))
                        .addApiResponse("415", answer("not JSON", error()))
                        .addApiResponse("422", answer("Idempotency-Key reused for another purchase", error())));
            });
            purchase(openApi, "/send", "legacySend", op -> {
                op.summary("Legacy sale (the course's clients): one donut of MessageAttributeProductId");
                op.requestBody(body(object("MessageGroupId", text("stock-empty-group"),
                        "subject", text("부산도너츠 재고 부족"), "message", text("재고 부족"),
                        "MessageAttributeProductId", text("CP-502101"), "MessageAttributeFactoryId", text("FF-500293"))));
                op.responses(new ApiResponses()
                        .addApiResponse("200", answer("판매완료 (sold) or 재고부족, 제품 생산 요청! (out of stock, "
                                + "production requested)", object("message", text("판매완료"))))
                        .addApiResponse("400", answer("invalid body", error()))
                        .addApiResponse("404", answer("unknown SKU", object("message", text("no product with sku X"))))
                        .addApiResponse("415", answer("not JSON", error())));
            });
            with(openApi, "/api/admin/products/{sku}/stock", PathItem.HttpMethod.PUT, op -> {
                op.summary("Set the counted stock (recorded in the ledger)");
                op.requestBody(body(object("stock", number(3))));
            });
            with(openApi, "/api/admin/products/{sku}/policy", PathItem.HttpMethod.PUT, op -> {
                op.summary("Change the reorder policy");
                op.requestBody(body(object("reorderQuantity", number(10), "reorderPoint", number(2))));
            });
            with(openApi, "/api/factory/callbacks/{id}", PathItem.HttpMethod.POST, op -> {
                op.summary("The factory's production-complete callback (JSON or text/plain body)");
                Schema<?> callback = object("MessageGroupId", text("stock-arrival-group"),
                        "MessageAttributeProductId", text("CP-502101"), "MessageAttributeProductCnt", number(10),
                        "MessageAttributeFactoryId", text("FF-500293"), "MessageAttributeRequester", text("Donut-States"));
                op.requestBody(new RequestBody().required(true).content(new Content()
                        .addMediaType(JSON, new MediaType().schema(callback))
                        .addMediaType("text/plain", new MediaType().schema(callback))));
                op.responses(new ApiResponses()
                        .addApiResponse("200", answer("DELIVERED or ALREADY_DELIVERED", object("status", text("DELIVERED"))))
                        .addApiResponse("400", answer("bad count", error()))
                        .addApiResponse("401", answer("no token", error()))
                        .addApiResponse("403", answer("wrong token", error()))
                        .addApiResponse("409", answer("another product", error()))
                        .addApiResponse("422", answer("more than was ordered (beyond the configured tolerance); "
                                + "nothing changed", error())));
            });
        };
    }

    /** The purchase endpoints are served by a servlet of their own, outside Spring MVC: entered here. */
    private static void purchase(OpenAPI api, String path, String operationId, Consumer<Operation> describe) {
        var operation = new Operation().operationId(operationId).addTagsItem("sales");
        describe.accept(operation);
        api.getPaths().addPathItem(path, new PathItem().post(operation));
    }

    private static void with(OpenAPI api, String path, PathItem.HttpMethod method, Consumer<Operation> change) {
        PathItem item = api.getPaths().get(path);
        if (item != null && item.readOperationsMap().get(method) != null) {
            change.accept(item.readOperationsMap().get(method));
        }
    }

    private static RequestBody body(Schema<?> schema) {
        return new RequestBody().required(true).content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    private static ApiResponse answer(String description, Schema<?> schema) {
        return new ApiResponse().description(description).content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
    }

    private static Schema<?> error() {
        return object("status", text("BAD_REQUEST"), "message", text("…"));
    }

    /** An object schema from name, schema, name, schema, ...; every property required, in this order. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> object(Object... nameThenSchema) {
        Schema schema = typed("object");
        List<String> required = new ArrayList<>();
        for (int i = 0; i < nameThenSchema.length; i += 2) {
            schema.addProperty((String) nameThenSchema[i], (Schema<?>) nameThenSchema[i + 1]);
            required.add((String) nameThenSchema[i]);
        }
        schema.setRequired(required);
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> text(String example) {
        Schema schema = typed("string");
        schema.setExample(example);
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> number(int example) {
        Schema schema = typed("integer");
        schema.setExample(example);
        return schema;
    }

    /** A schema with its type set for both OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}). */
    private static Schema<?> typed(String type) {
        Schema<?> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }
}
