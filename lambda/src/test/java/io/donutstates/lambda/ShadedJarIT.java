package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * After {@code package} ({@code mvn verify}): the deployable jar on its own, in a fresh JVM, with each
 * handler made and called as the Lambda Java runtime does it ({@code src/it/java/LambdaRuntimeStandIn.java}),
 * against the real MariaDB and ElasticMQ. Proves the shaded jar carries what the functions need
 * (migrations, Flyway's MySQL plugin, JDBC drivers, the SDK's HTTP client, a logger) and nothing of the tests.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "donut-states-lambda.jar");

    @Test
    void theDeployableJarRunsEveryHandlerAsTheLambdaRuntimeWould() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        var env = ShopUnderTest.environment();
        env.put("DONUT_DB_URL", Infra.newDatabaseUrl("shaded")); // empty: the jar's MigrationHandler makes the schema
        Path events = Files.createDirectories(Path.of("target", "it-events"));
        List<String> calls = new ArrayList<>();
        call(calls, events, "MigrationHandler", "migrate.json", Events.JSON.createObjectNode());
        call(calls, events, "SalesApiHandler", "products.json", Events.tree("http-get-products.json"));
        ObjectNode shortage = Events.tree("http-post-sales.json");
        ((ObjectNode) shortage.get("headers")).remove("idempotency-key");
        shortage.put("body", "{\"sku\":\"CP-502101\",\"quantity\":4}");
        call(calls, events, "SalesApiHandler", "shortage.json", shortage);
        call(calls, events, "StockWorkerHandler", "sqs.json", Events.tree("sqs-stock-queue.json"));
        call(calls, events, "ScheduledJobsHandler", "scheduled.json", Events.tree("scheduled-event.json"));
        call(calls, events, "DeadLetterAlertHandler", "scheduled.json", Events.tree("scheduled-event.json"));
        call(calls, events, "FactoryCallbackHandler", "callback.json", Events.tree("http-factory-callback.json"));
        env.put("DONUT_ADMIN_TOKEN", "shaded-admin-token");
        ObjectNode invariants = Events.tree("http-get-products.json");
        Events.route(invariants, "GET", "/api/admin/invariants");
        ((ObjectNode) invariants.get("headers")).put("authorization", "Bearer shaded-admin-token");
        call(calls, events, "AdminApiHandler", "invariants.json", invariants);
        call(calls, events, "AdminApiHandler", "no-token.json", Events.tree("http-get-products.json"));

        String serialization = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-serialization")).findFirst().orElseThrow();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", JAR + File.pathSeparator + serialization, "src/it/java/LambdaRuntimeStandIn.java"));
        command.addAll(calls);
        var builder = new ProcessBuilder(command).redirectError(Path.of("target", "shaded-jar-it.log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("see target/shaded-jar-it.log\n" + out).isZero();

        Map<String, List<JsonNode>> results = new HashMap<>();
        out.lines().filter(line -> line.startsWith("RESULT ")).forEach(line -> {
            String[] parts = line.split(" ", 3);
            results.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Events.JSON.readTree(parts[2]));
        });
        assertThat(results.get("MigrationHandler").get(0).get("status").asString()).isEqualTo("SUCCESS");
        JsonNode products = results.get("SalesApiHandler").get(0);
        assertThat(products.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Events.JSON.readTree(products.get("body").asString()).size()).isEqualTo(4);
        JsonNode refused = results.get("SalesApiHandler").get(1);
        assertThat(refused.get("statusCode").asInt()).isEqualTo(409);
        assertThat(refused.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(results.get("StockWorkerHandler").get(0).get("batchItemFailures").size()).isZero();
        assertThat(results.get("ScheduledJobsHandler").get(0).get("pending").asInt()).isZero();
        assertThat(results.get("DeadLetterAlertHandler").get(0).get("seen").asInt()).isZero();
        assertThat(results.get("FactoryCallbackHandler").get(0).get("statusCode").asInt()).isEqualTo(403);
        assertThat(results.get("AdminApiHandler").get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(Events.JSON.readTree(results.get("AdminApiHandler").get(0).get("body").asString())
                .get("holds").asBoolean()).isTrue();
        assertThat(results.get("AdminApiHandler").get(1).get("statusCode").asInt()).isEqualTo(401);
        // The shortage was relayed by the jar's own SQS client: its event waits on stock_queue.
        assertThat(Infra.sqs().receiveMessage(r -> r.queueUrl(env.get("DONUT_QUEUE_STOCK_QUEUE_URL"))
                .waitTimeSeconds(1)).messages()).hasSize(1);
    }

    private static void call(List<String> calls, Path dir, String handler, String file, JsonNode event) throws Exception {
        Path path = dir.resolve(file);
        Files.writeString(path, Events.JSON.writeValueAsString(event));
        calls.add("io.donutstates.lambda." + handler + "::handleRequest");
        calls.add(path.toString());
    }
}
