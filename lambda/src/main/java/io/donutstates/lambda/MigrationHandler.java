package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import io.donutstates.http.JsonBodies;
import io.donutstates.shared.Database;
import io.donutstates.shared.DatabaseDurability;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the schema migrations (Flyway, the same {@code Database.migrate} as the service) on
 * deploy, so that no function migrates on a cold start. Invoked by the template's CloudFormation
 * custom resource ({@code Create}/{@code Update} migrate, {@code Delete} keeps the data), which
 * always gets an answer on its pre-signed {@code ResponseURL} — a stack never hangs on a failed
 * migration. Invoked directly (e.g. {@code sam remote invoke} with {@code {}}) it just migrates.
 */
public class MigrationHandler implements RequestHandler<CloudFormationCustomResourceEvent, Map<String, Object>> {

    private static final Logger log = LoggerFactory.getLogger(MigrationHandler.class);
    private static final String PHYSICAL_ID = "donut-states-schema";

    private final LambdaSettings settings;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /** Used by AWS Lambda. */
    public MigrationHandler() {
        this(LambdaSettings.from(System.getenv()));
    }

    public MigrationHandler(LambdaSettings settings) {
        this.settings = settings;
    }

    @Override
    public Map<String, Object> handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        String requestType = event == null ? null : event.getRequestType();
        boolean customResource = requestType != null && event.getResponseUrl() != null;
        Map<String, Object> data = new LinkedHashMap<>();
        String status = "SUCCESS";
        String reason = "schema is up to date";
        try {
            if ("Delete".equals(requestType)) {
                reason = "schema and data are kept when the stack is deleted";
            } else {
                data.put("migrated", migrate(demoCatalog(event)));
            }
        } catch (RuntimeException e) {
            log.error("schema migration failed", e);
            if (!customResource) {
                throw e;
            }
            status = "FAILED";
            reason = "schema migration failed: " + e;
        }
        if (customResource) {
            respond(event, status, reason, data, context);
        }
        data.put("status", status);
        data.put("reason", reason);
        return data;
    }

    private boolean demoCatalog(CloudFormationCustomResourceEvent event) {
        Object fromStack = event == null || event.getResourceProperties() == null ? null
                : event.getResourceProperties().get("DemoCatalog");
        return fromStack != null ? Boolean.parseBoolean(fromStack.toString()) : settings.flag("DONUT_DEMO_CATALOG", false);
    }

    private int migrate(boolean demoCatalog) {
        long started = System.nanoTime();
        boolean relaxedByChoice = DatabaseDurability.relaxedByChoice(DatabaseDurability.SETTING,
                settings.optional(DatabaseDurability.SETTING).orElse(null));
        try (var dataSource = Database.open(DatabaseSettings.from(settings, 1))) {
            Database.migrate(dataSource, demoCatalog);
            // Once per deploy: where a Lambda deployment hears that its database can lose answered sales.
            DatabaseDurability.read(dataSource, relaxedByChoice).log();
        }
        int millis = (int) ((System.nanoTime() - started) / 1_000_000);
        log.info("schema migrated in {} ms (demo catalog: {})", millis, demoCatalog);
        return millis;
    }

    /** The custom resource answer CloudFormation waits for, PUT to the pre-signed S3 URL. */
    private void respond(CloudFormationCustomResourceEvent event, String status, String reason,
                         Map<String, Object> data, Context context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Reason", reason + (context == null ? "" : " (log stream " + context.getLogStreamName() + ")"));
        body.put("PhysicalResourceId", event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : PHYSICAL_ID);
        body.put("StackId", event.getStackId());
        body.put("RequestId", event.getRequestId());
        body.put("LogicalResourceId", event.getLogicalResourceId());
        body.put("NoEcho", false);
        body.put("Data", data);
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(event.getResponseUrl()))
                    .timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString(JsonBodies.write(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.error("CloudFormation response URL answered HTTP {}: {}", response.statusCode(), response.body());
            }
        } catch (IOException e) {
            log.error("could not answer CloudFormation: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("interrupted while answering CloudFormation");
        }
    }
}
