package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document ({@code /v3/api-docs}, kept in {@code target/openapi.json}): every
 * operation has a meaningful id, a tag, a typed success answer and the error answers of README's API
 * table with the {@code Error} schema as {@code application/problem+json} (on the legacy {@code /send}
 * {@code LegacyError} as JSON), the admin operations the bearer scheme; real answers of the
 * running shop match the schemas documented for them; and {@code redocly lint} with its recommended
 * rules (npm {@code @redocly/cli}, pinned) reports no error.
 */
class OpenApiDocumentTest {

    static final String REDOCLY_VERSION = "2.77.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "Bearer test-admin-token";
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @RegisterExtension
    static final TestShop shop = TestShop.withDefaults();

    private static JsonNode document;

    @BeforeAll
    static void served() throws IOException {
        var answer = shop.get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), answer.body());
        document = answer.json();
    }

    @Test
    void every_operation_is_named_tagged_typed_and_answers_its_errors_with_the_error_schema() {
        Map<String, String> ids = new TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String where = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            String id = operation.path("operationId").asString("");
            assertThat(id).as("operationId of " + where).matches("[a-z][A-Za-z]+");
            assertThat(ids.put(id, where)).as("operationId " + id + " used once").isNull();
            assertThat(operation.get("tags").get(0).asString()).as("tag of " + where).doesNotContain("controller");
            assertThat(operation.path("summary").asString("")).as("summary of " + where).isNotBlank();
            JsonNode responses = operation.get("responses");
            boolean typedSuccess = false;
            for (var response : responses.properties()) {
                boolean error = !response.getKey().startsWith("2") && !isLegacyShape(where, response.getKey());
                JsonNode content = response.getValue().path("content");
                assertThat(content.propertyNames()).as("media type of " + where + " " + response.getKey())
                        .containsExactly(error ? mediaTypeOfErrors(where) : "application/json");
                JsonNode schema = content.path(error ? mediaTypeOfErrors(where) : "application/json").path("schema");
                assertThat(schema.isMissingNode()).as("JSON schema of " + where + " " + response.getKey()).isFalse();
                if (response.getKey().startsWith("2")) {
                    typedSuccess = schema.has("$ref") || schema.path("items").has("$ref");
                } else if (error) {
                    assertThat(schema.path("$ref").asString("")).as("error schema of " + where + " " + response.getKey())
                            .isEqualTo(where.equals("POST /send") ? "#/components/schemas/LegacyError"
                                    : "#/components/schemas/Error");
                }
            }
            assertThat(typedSuccess).as("a named success schema for " + where).isTrue();
            boolean admin = path.getKey().startsWith("/api/admin/");
            assertThat(operation.get("security").toString()).as("security of " + where)
                    .isEqualTo(admin ? "[{\"adminToken\":[]}]" : "[]");
            if (admin) {
                assertThat(responses.has("401")).as("401 of " + where).isTrue();
            }
        }));
        assertThat(ids.values()).as("the operations of README's API table").contains(
                "POST /api/sales", "POST /send", "GET /api/products", "GET /api/products/{sku}",
                "GET /api/products/{sku}/ledger", "GET /api/replenishments", "GET /api/replenishments/{id}",
                "PUT /api/admin/products/{sku}/stock", "PUT /api/admin/products/{sku}/policy",
                "GET /api/admin/invariants", "POST /api/admin/ledger/replay", "GET /api/admin/ledger/replay",
                "POST /api/admin/ledger/archive", "GET /api/admin/ledger/archive", "GET /api/admin/dlq",
                "POST /api/admin/dlq/{id}/redrive", "POST /api/admin/dlq/redrive", "DELETE /api/admin/dlq/{id}",
                "GET /api/ops/summary", "POST /api/factory/callbacks/{id}");
        assertThat(document.get("paths").has("/error")).isFalse();
        assertThat(document.at("/components/securitySchemes/adminToken/scheme").asString()).isEqualTo("bearer");
        // README's table: the error answers of each endpoint
        assertThat(statuses("post", "/api/sales")).contains("201", "409", "404", "400", "415", "422");
        assertThat(statuses("post", "/send")).contains("200", "404", "400", "415");
        assertThat(statuses("get", "/api/products/{sku}")).contains("200", "404");
        assertThat(statuses("get", "/api/products/{sku}/ledger")).contains("200", "404");
        assertThat(statuses("get", "/api/replenishments/{id}")).contains("200", "404");
        assertThat(statuses("put", "/api/admin/products/{sku}/stock")).contains("200", "401", "404", "400");
        assertThat(statuses("put", "/api/admin/products/{sku}/policy")).contains("200", "401", "404", "400");
        assertThat(statuses("post", "/api/admin/ledger/replay")).contains("202");
        assertThat(statuses("get", "/api/admin/ledger/replay")).contains("200", "404");
        assertThat(statuses("post", "/api/admin/ledger/archive")).contains("202", "400", "409");
        assertThat(statuses("get", "/api/admin/ledger/archive")).contains("200", "404");
        assertThat(statuses("post", "/api/admin/dlq/{id}/redrive")).contains("200", "404");
        assertThat(statuses("delete", "/api/admin/dlq/{id}")).contains("200", "404");
        assertThat(statuses("post", "/api/factory/callbacks/{id}"))
                .contains("200", "401", "403", "409", "422", "400");
    }

    /** The shop's real answers match what the document says of them. */
    @Test
    void real_answers_match_their_documented_schemas() {
        var p = TestShop.SKU;
        shop.setStock(p, 1);
        check("post", "/api/sales", shop.buy(p, 1), 201);
        var refused = shop.buy(p, 1);
        check("post", "/api/sales", refused, 409);
        String replenishmentId = refused.json().get("replenishment").get("id").asString();
        check("post", "/api/sales", shop.buy("CP-999999", 1), 404);
        check("post", "/api/sales", shop.post("/api/sales", "{\"sku\":\"" + p + "\",\"quantity\":\"1\"}"), 400);
        check("post", "/api/sales", shop.postRaw(shop.uri("/api/sales"), "text/plain", "{}"), 415);
        check("post", "/send", shop.post("/send", "{\"MessageAttributeProductId\":\"CP-502102\"}"), 200);
        check("post", "/send", shop.post("/send", "{\"MessageAttributeProductId\":\"CP-999999\"}"), 404);
        check("post", "/send", shop.post("/send", "{}"), 400);
        check("post", "/send", shop.postRaw(shop.uri("/send"), "text/plain", "{}"), 415);
        check("get", "/api/products", shop.get("/api/products"), 200);
        check("get", "/api/products/{sku}", shop.get("/api/products/" + p), 200);
        check("get", "/api/products/{sku}", shop.get("/api/products/CP-999999"), 404);
        check("get", "/api/products/{sku}/ledger", shop.get("/api/products/" + p + "/ledger"), 200);
        check("get", "/api/products/{sku}/ledger", shop.get("/api/products/" + p + "/ledger?limit=0"), 400);
        check("get", "/api/replenishments", shop.get("/api/replenishments"), 200);
        check("get", "/api/replenishments/{id}", shop.get("/api/replenishments/" + replenishmentId), 200);
        check("get", "/api/replenishments/{id}", shop.get("/api/replenishments/nope"), 400);
        check("get", "/api/ops/summary", shop.get("/api/ops/summary"), 200);

        var order = await().atMost(Duration.ofSeconds(20)).until(() -> shop.factory().orders().stream()
                .filter(o -> o.callbackUrl().contains(replenishmentId)).findFirst().orElse(null), o -> o != null);
        var callback = URI.create(order.callbackUrl());
        String completion = "{\"MessageAttributeProductId\":\"" + p + "\",\"MessageAttributeProductCnt\":10}";
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(
                shop.get("/api/replenishments/" + replenishmentId).json().get("status").asString()));
        check("post", "/api/factory/callbacks/{id}", shop.postRaw(callback, "application/json", completion), 200);
        check("post", "/api/factory/callbacks/{id}", shop.postRaw(URI.create(callback.toString()
                .replaceAll("token=.*", "")), "application/json", completion), 401);

        check("put", "/api/admin/products/{sku}/stock", shop.setStock(p, 3), 200);
        check("put", "/api/admin/products/{sku}/stock", shop.put("/api/admin/products/" + p + "/stock", "{}"), 401);
        check("put", "/api/admin/products/{sku}/stock",
                shop.put("/api/admin/products/CP-999999/stock", "{\"stock\":1}", "Authorization", ADMIN), 404);
        JsonNode product = shop.get("/api/products/CP-502104").json();
        check("put", "/api/admin/products/{sku}/policy", shop.put("/api/admin/products/CP-502104/policy",
                "{\"reorderQuantity\":" + product.get("reorderQuantity") + ",\"reorderPoint\":"
                        + product.get("reorderPoint") + "}", "Authorization", ADMIN), 200);
        check("get", "/api/admin/invariants", shop.get("/api/admin/invariants", "Authorization", ADMIN), 200);
        check("get", "/api/admin/ledger/replay", shop.get("/api/admin/ledger/replay", "Authorization", ADMIN), 404);
        check("post", "/api/admin/ledger/replay", shop.post("/api/admin/ledger/replay", "", "Authorization", ADMIN), 202);
        check("get", "/api/admin/ledger/replay", shop.get("/api/admin/ledger/replay", "Authorization", ADMIN), 200);
        check("get", "/api/admin/ledger/archive", shop.get("/api/admin/ledger/archive", "Authorization", ADMIN), 404);
        check("post", "/api/admin/ledger/archive", shop.post("/api/admin/ledger/archive", "{\"before\":\"2020-01-01\"}",
                "Authorization", ADMIN), 202);
        check("get", "/api/admin/ledger/archive", shop.get("/api/admin/ledger/archive", "Authorization", ADMIN), 200);
        check("get", "/api/admin/dlq", shop.get("/api/admin/dlq", "Authorization", ADMIN), 200);
        check("post", "/api/admin/dlq/redrive", shop.post("/api/admin/dlq/redrive", "", "Authorization", ADMIN), 200);
        check("post", "/api/admin/dlq/{id}/redrive", shop.post("/api/admin/dlq/nope/redrive", "",
                "Authorization", ADMIN), 404);
        check("delete", "/api/admin/dlq/{id}", shop.delete("/api/admin/dlq/nope", "Authorization", ADMIN), 404);
    }

    /**
     * {@code docs/openapi.json} (what the generated client of GeneratedClientTest is built from, and
     * what anyone can read without a shop) is the served document, servers aside. After a change of the
     * API: {@code ./mvnw -pl all-in-one -am verify -Dtest=OpenApiDocumentTest -Ddonut.openapi.update=true
     * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs} writes it anew.
     */
    @Test
    void the_committed_document_is_the_served_one() throws IOException {
        var served = ((tools.jackson.databind.node.ObjectNode) document.deepCopy());
        served.remove("servers");
        Path committed = PROJECT.resolve("docs/openapi.json");
        if (Boolean.getBoolean("donut.openapi.update")) {
            Files.writeString(committed, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }
        assertThat(JSON.readTree(Files.readString(committed)))
                .as("docs/openapi.json is the served document; after an API change write it anew with "
                        + "-Ddonut.openapi.update=true (see this test)")
                .isEqualTo(served);
    }

    @Test
    void redocly_lint_with_the_recommended_rules_finds_no_error() {
        var lint = new NpmTool("@redocly/cli", REDOCLY_VERSION, "redocly")
                .run(Path.of("target").toAbsolutePath(), "lint", "--extends=recommended", "openapi.json");
        assertThat(lint.exitCode()).as("redocly lint target/openapi.json:\n" + lint.output()).isZero();
        assertThat(lint.output()).contains("Your API description is valid");
    }

    /** Problem details everywhere, but the legacy clients' {@code /send} answers its errors as it always did. */
    private static String mediaTypeOfErrors(String where) {
        return where.equals("POST /send") ? "application/json" : "application/problem+json";
    }

    private static boolean isLegacyShape(String where, String status) {
        return (where.equals("POST /send") && status.equals("404")) || (where.equals("POST /api/sales")
                && status.equals("409"));
    }

    private static Set<String> statuses(String method, String path) {
        Set<String> statuses = new java.util.TreeSet<>();
        document.get("paths").get(path).get(method).get("responses").propertyNames().forEach(statuses::add);
        return statuses;
    }

    private static void check(String method, String path, TestShop.Answer answer, int status) {
        String where = method.toUpperCase() + " " + path + " " + status;
        assertThat(answer.status()).as(where + ": " + answer.body()).isEqualTo(status);
        // The answer's own media type names the documented content it must match.
        String mediaType = answer.contentType().split(";", 2)[0].strip();
        JsonNode schema = document.get("paths").get(path).get(method).get("responses").get(String.valueOf(status))
                .path("content").path(mediaType).path("schema");
        assertThat(schema.isMissingNode()).as("documented " + where).isFalse();
        List<String> problems = new ArrayList<>();
        matches(JSON.readTree(answer.body()), schema, "$", problems);
        assertThat(problems).as(where + " answered " + answer.body()).isEmpty();
    }

    private static final Pattern REF = Pattern.compile("#/components/schemas/(.+)");

    /** A small JSON Schema check: $ref, type, enum, properties, required, items, additionalProperties, oneOf. */
    private static void matches(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema.has("$ref")) {
            var name = REF.matcher(schema.get("$ref").asString());
            assertThat(name.matches()).isTrue();
            matches(value, document.at("/components/schemas/" + name.group(1)), at, problems);
            return;
        }
        if (schema.has("oneOf")) {
            long fits = 0;
            for (JsonNode option : schema.get("oneOf")) {
                List<String> mine = new ArrayList<>();
                matches(value, option, at, mine);
                fits += mine.isEmpty() ? 1 : 0;
            }
            if (fits != 1) {
                problems.add(at + " matches " + fits + " of oneOf");
            }
            return;
        }
        if (!schema.has("type")) {
            problems.add(at + ": its schema names no type: " + schema);
            return;
        }
        String type = schema.path("type").isArray() ? schema.get("type").get(0).asString() : schema.path("type").asString("");
        boolean fits = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!fits) {
            problems.add(at + " is not " + type + ": " + value);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(at + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asString())) {
                    problems.add(at + " lacks " + required.asString());
                }
            }
            for (var field : value.properties()) {
                JsonNode property = schema.path("properties").path(field.getKey());
                if (!property.isMissingNode()) {
                    matches(field.getValue(), property, at + "." + field.getKey(), problems);
                } else if (schema.path("additionalProperties").isObject()) {
                    matches(field.getValue(), schema.get("additionalProperties"), at + "." + field.getKey(), problems);
                } else {
                    problems.add(at + "." + field.getKey() + " is not documented");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                matches(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
            }
        }
    }
}
