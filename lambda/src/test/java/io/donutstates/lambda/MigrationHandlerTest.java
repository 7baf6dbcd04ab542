package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deploy-time migration as CloudFormation runs it: a custom resource event, the answer PUT to
 * the pre-signed response URL, the database password read from Secrets Manager.
 */
class MigrationHandlerTest {

    private static final String SECRET_ARN = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:donut-db-AbCdEf";

    private static CloudFormationCustomResourceEvent event(String requestType, String responseUrl) {
        ObjectNode tree = Events.tree("cloudformation-create.json");
        tree.put("RequestType", requestType);
        tree.put("ResponseURL", responseUrl);
        if (!requestType.equals("Create")) {
            tree.put("PhysicalResourceId", "donut-states-schema");
        }
        return Events.as(CloudFormationCustomResourceEvent.class, tree);
    }

    @Test
    void createMigratesWithThePasswordFromSecretsManagerAndAnswersSuccess() throws IOException {
        try (var cloudFormation = new WebhookReceiver(); var secrets = new FakeSecretsManager()) {
            String dbUrl = Infra.newDatabaseUrl("migration");
            var handler = new MigrationHandler(LambdaSettings.from(Map.of(
                    "DONUT_DB_URL", dbUrl,
                    "DONUT_DB_SECRET_ARN", SECRET_ARN,
                    "DONUT_SECRETS_ENDPOINT", secrets.endpoint(),
                    "DONUT_SQS_REGION", "ap-northeast-2")));

            handler.handleRequest(event("Create", cloudFormation.url("/cfn-response?X-Amz-Signature=abc")),
                    new FakeContext("MigrationFunction"));

            assertThat(secrets.askedFor).containsExactly(SECRET_ARN);
            assertThat(cloudFormation.received()).singleElement().satisfies(put -> {
                assertThat(put.method()).isEqualTo("PUT");
                assertThat(put.path()).isEqualTo("/cfn-response?X-Amz-Signature=abc");
                JsonNode answer = Events.JSON.readTree(put.body());
                assertThat(answer.get("Status").asString()).isEqualTo("SUCCESS");
                assertThat(answer.get("PhysicalResourceId").asString()).isEqualTo("donut-states-schema");
                assertThat(answer.get("RequestId").asString()).isEqualTo("4f0a8c2e-6b1d-4e5f-8a9b-0c1d2e3f4a5b");
                assertThat(answer.get("LogicalResourceId").asString()).isEqualTo("SchemaMigration");
                assertThat(answer.get("StackId").asString()).startsWith("arn:aws:cloudformation:");
            });
            try (var ds = io.donutstates.shared.Database.open(new io.donutstates.shared.Database.Settings(
                    dbUrl, "root", "", 1, java.time.Duration.ofSeconds(5)))) {
                var jdbc = JdbcClient.create(ds);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").query(Integer.class)
                        .single()).isGreaterThanOrEqualTo(2);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM product").query(Integer.class).single())
                        .as("DemoCatalog: true in the resource properties").isEqualTo(4);
            }
        }
    }

    @Test
    void aFailedMigrationStillAnswersCloudFormationSoTheStackNeverHangs() {
        try (var cloudFormation = new WebhookReceiver()) {
            var handler = new MigrationHandler(LambdaSettings.from(Map.of(
                    "DONUT_DB_URL", "jdbc:mariadb://127.0.0.1:9/nowhere?connectTimeout=500",
                    "DONUT_DB_USER", "donut", "DONUT_DB_PASSWORD", "secret")));

            Map<String, Object> result = handler.handleRequest(event("Update", cloudFormation.url("/cfn")), null);

            assertThat(result).containsEntry("status", "FAILED");
            assertThat(cloudFormation.received()).singleElement().satisfies(put -> {
                JsonNode answer = Events.JSON.readTree(put.body());
                assertThat(answer.get("Status").asString()).isEqualTo("FAILED");
                assertThat(answer.get("Reason").asString()).startsWith("schema migration failed");
                assertThat(answer.get("PhysicalResourceId").asString()).isEqualTo("donut-states-schema");
            });
        }
    }

    @Test
    void deleteKeepsTheDataAndAnswersSuccess() {
        try (var cloudFormation = new WebhookReceiver()) {
            var handler = new MigrationHandler(LambdaSettings.from(Map.of(
                    "DONUT_DB_URL", "jdbc:mariadb://127.0.0.1:9/never-touched")));

            handler.handleRequest(event("Delete", cloudFormation.url("/cfn")), null);

            assertThat(Events.JSON.readTree(cloudFormation.received().get(0).body()).get("Status").asString())
                    .isEqualTo("SUCCESS");
        }
    }

    @Test
    void theDatabaseSecretMayBeRdsJsonOrTheBarePassword() {
        assertThat(DatabaseSettings.credentials("{\"username\":\"donut\",\"password\":\"p@ss\",\"engine\":\"mysql\"}"))
                .isEqualTo(new DatabaseSettings.Credentials("donut", "p@ss"));
        assertThat(DatabaseSettings.credentials("just-the-password"))
                .isEqualTo(new DatabaseSettings.Credentials(null, "just-the-password"));
    }

    /** Secrets Manager's GetSecretValue (JSON protocol) on a local port. */
    private static final class FakeSecretsManager implements AutoCloseable {
        final List<String> askedFor = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        FakeSecretsManager() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                var request = Events.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                byte[] body;
                int status;
                if ("secretsmanager.GetSecretValue".equals(target)) {
                    askedFor.add(request.get("SecretId").asString());
                    status = 200;
                    body = Events.JSON.writeValueAsBytes(Map.of("ARN", SECRET_ARN, "Name", "donut-db",
                            "VersionId", "v1", "SecretString", "{\"username\":\"root\",\"password\":\"\"}"));
                } else {
                    status = 400;
                    body = "{\"__type\":\"InvalidRequestException\"}".getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
