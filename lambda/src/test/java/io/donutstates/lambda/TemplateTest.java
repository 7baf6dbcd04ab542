package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.export.SslMode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code deploy/aws/template.yaml} as CloudFormation does (short-form intrinsics such as
 * {@code !Ref} and {@code !GetAtt} become their long forms) and checks the wiring the original got
 * wrong: handlers that exist, references that resolve, the redrive and the subscription the right way
 * round, an alarm on the dead letters, partial batch failures, permissions without wildcards; and, for
 * {@code CreateDatabase}, the template as CloudFormation sees it with either value (conditions evaluated, the
 * resources they leave out gone): references that still resolve, the functions wired to the database that is
 * used, and a created database that is private, encrypted, backed up and admits only the functions.
 */
class TemplateTest {

    private static final Path TEMPLATE = Path.of("..", "deploy", "aws", "template.yaml");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private static final String CREATES_DATABASE = "CreatesDatabase";
    private static final String USES_RDS_PROXY = "UsesRdsProxy";
    /** Stands for {@code !Ref AWS::NoValue} while a branch is evaluated: the property it sits in goes away. */
    private static final Object NO_VALUE = new Object();

    private static Map<String, Object> template;
    private static Map<String, Object> resources;
    private static Map<String, Object> parameters;
    private static Map<String, Object> conditions;

    @BeforeAll
    static void read() throws IOException {
        template = new Yaml(new CloudFormationConstructor()).load(Files.readString(TEMPLATE));
        resources = map(template.get("Resources"));
        parameters = map(template.get("Parameters"));
        conditions = map(template.getOrDefault("Conditions", Map.of()));
    }

    @Test
    void itIsASamTemplateOfJava21FunctionsWithSnapStartOnPublishedVersions() {
        assertThat(template.get("Transform")).isEqualTo("AWS::Serverless-2016-10-31");
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        assertThat(globals.get("Runtime")).isEqualTo("java21");
        assertThat(globals.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(map(globals.get("SnapStart")).get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat((Integer) globals.get("MemorySize")).isBetween(512, 2048);
        assertThat(globals.get("CodeUri")).isEqualTo("../../lambda/target/donut-states-lambda.jar");
        assertThat(TEMPLATE.getParent().resolve("../../lambda/pom.xml")).exists();
        assertThat(functions()).containsKeys("SalesApiFunction", "FactoryCallbackFunction", "StockWorkerFunction",
                "ScheduledJobsFunction", "DeadLetterAlertFunction", "MigrationFunction", "AdminApiFunction");
    }

    @Test
    void everyHandlerIsALambdaHandlerClassOfThisModule() throws Exception {
        for (var function : functions().entrySet()) {
            String handler = (String) props(function.getValue()).get("Handler");
            assertThat(handler).as(function.getKey()).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(RequestHandler.class).as(handler).isAssignableFrom(type);
            assertThat(type.getConstructor()).as("AWS needs a public no-arg constructor: " + handler).isNotNull();
        }
    }

    @Test
    void everyRefGetAttAndSubVariableNamesAParameterAResourceOrAPseudoParameter() {
        List<String> targets = new ArrayList<>();
        collectReferences(template.get("Resources"), targets);
        collectReferences(template.get("Outputs"), targets);
        collectReferences(template.get("Globals"), targets);
        collectReferences(template.get("Conditions"), targets);
        collectReferences(template.get("Rules"), targets);
        assertThat(targets).isNotEmpty();
        for (String target : targets) {
            assertThat(resolves(target, resources)).as("reference to " + target).isTrue();
        }
    }

    private static boolean resolves(String target, Map<String, Object> resources) {
        if (PSEUDO_PARAMETERS.contains(target) || parameters.containsKey(target) || resources.containsKey(target)) {
            return true;
        }
        // SAM's generated names: MyFunction.Version and MyFunction.Alias need AutoPublishAlias.
        int dot = target.indexOf('.');
        if (dot > 0 && (target.endsWith(".Version") || target.endsWith(".Alias"))) {
            return functions().containsKey(target.substring(0, dot))
                    && map(map(template.get("Globals")).get("Function")).containsKey("AutoPublishAlias");
        }
        return dot > 0 && resources.containsKey(target.substring(0, dot));
    }

    @Test
    void stockQueueRedrivesToDeadLetterQueueAndOutlastsItsWorker() {
        Map<String, Object> stockQueue = props(resources.get("StockQueue"));
        Map<String, Object> redrive = map(stockQueue.get("RedrivePolicy"));
        assertThat(redrive.get("deadLetterTargetArn")).isEqualTo(getAtt("DeadLetterQueue", "Arn"));
        assertThat(redrive.get("maxReceiveCount")).isEqualTo(ref("MaxReceiveCount"));
        assertThat(map(parameters.get("MaxReceiveCount")).get("Default")).isEqualTo(5);
        assertThat(stockQueue.get("QueueName").toString()).contains("stock_queue");
        assertThat(props(resources.get("DeadLetterQueue")).get("QueueName").toString()).contains("dead_letter_queue");
        int workerTimeout = (Integer) props(resources.get("StockWorkerFunction")).get("Timeout");
        assertThat((Integer) stockQueue.get("VisibilityTimeout")).isGreaterThanOrEqualTo(6 * workerTimeout);
        assertThat((Integer) props(resources.get("DeadLetterQueue")).get("MessageRetentionPeriod"))
                .isGreaterThan((Integer) stockQueue.get("MessageRetentionPeriod"));
    }

    @Test
    void theTopicDeliversRawToStockQueueWhichLetsOnlyThatTopicSend() {
        Map<String, Object> subscription = props(resources.get("StockQueueSubscription"));
        assertThat(subscription.get("TopicArn")).isEqualTo(ref("StockTopic"));
        assertThat(subscription.get("Endpoint")).isEqualTo(getAtt("StockQueue", "Arn"));
        assertThat(subscription.get("Protocol")).isEqualTo("sqs");
        assertThat(subscription.get("RawMessageDelivery")).isEqualTo(true);

        Map<String, Object> policy = props(resources.get("StockQueuePolicy"));
        assertThat(list(policy.get("Queues"))).containsExactly(ref("StockQueue"));
        Map<String, Object> statement = map(list(map(policy.get("PolicyDocument")).get("Statement")).get(0));
        assertThat(statement.get("Effect")).isEqualTo("Allow");
        assertThat(map(statement.get("Principal")).get("Service")).isEqualTo("sns.amazonaws.com");
        assertThat(statement.get("Action")).isEqualTo("sqs:SendMessage");
        assertThat(statement.get("Resource")).isEqualTo(getAtt("StockQueue", "Arn"));
        assertThat(map(map(statement.get("Condition")).get("ArnEquals")).get("aws:SourceArn")).isEqualTo(ref("StockTopic"));
    }

    @Test
    void anAlarmWatchesTheDeadLettersAndNotifiesTheOpsTopicByMail() {
        var alarms = resources.values().stream().map(TemplateTest::map)
                .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type"))).map(TemplateTest::props)
                .filter(a -> list(a.get("Dimensions")).stream().map(TemplateTest::map)
                        .anyMatch(d -> "QueueName".equals(d.get("Name"))
                                && getAtt("DeadLetterQueue", "QueueName").equals(d.get("Value"))))
                .toList();
        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(alarm.get("Namespace")).isEqualTo("AWS/SQS");
            assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
            assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
            assertThat(alarm.get("Threshold")).isEqualTo(1);
            assertThat(list(alarm.get("AlarmActions"))).contains(ref("OpsTopic"));
        });
        Map<String, Object> opsTopic = props(resources.get("OpsTopic"));
        assertThat(list(opsTopic.get("Subscription"))).singleElement().satisfies(s -> {
            assertThat(map(s).get("Protocol")).isEqualTo("email");
            assertThat(map(s).get("Endpoint")).isEqualTo(ref("OpsEmail"));
        });
    }

    @Test
    void theWorkerConsumesStockQueueThroughItsAliasReportingBatchItemFailures() {
        var mappings = resources.values().stream().map(TemplateTest::map)
                .filter(r -> "AWS::Lambda::EventSourceMapping".equals(r.get("Type"))).map(TemplateTest::props).toList();
        assertThat(mappings).singleElement().satisfies(mapping -> {
            assertThat(mapping.get("EventSourceArn")).isEqualTo(getAtt("StockQueue", "Arn"));
            assertThat(mapping.get("FunctionName")).isEqualTo(ref("StockWorkerFunction.Alias"));
            assertThat(list(mapping.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
        });
        // No SAM SQS event hides another mapping (and its Resource: "*" managed policy).
        for (var function : functions().entrySet()) {
            Map<String, Object> events = map(props(function.getValue()).getOrDefault("Events", Map.of()));
            events.values().forEach(e -> assertThat(map(e).get("Type")).as(function.getKey()).isNotEqualTo("SQS"));
        }
    }

    @Test
    void noPermissionUsesAWildcardActionAndEachFunctionHasWhatItUses() {
        List<Map<String, Object>> statements = new ArrayList<>();
        collectStatements(template.get("Resources"), statements);
        assertThat(statements).hasSizeGreaterThanOrEqualTo(2);
        for (Map<String, Object> statement : statements) {
            assertThat(statement).doesNotContainKey("NotAction");
            Object action = statement.get("Action");
            List<Object> actions = action instanceof List<?> several ? new ArrayList<>(several) : List.of(action);
            for (Object a : actions) {
                assertThat(a).isInstanceOf(String.class);
                assertThat((String) a).as("IAM action").isNotEqualTo("*").doesNotEndWith(":*").doesNotContain("*");
            }
        }
        // SAM policy templates that expand to named actions only (SQSSendMessagePolicy, for one, grants sqs:SendMessage*).
        Set<String> templates = Set.of("SQSPollerPolicy", "SNSPublishMessagePolicy",
                "AWSSecretsManagerGetSecretValuePolicy", "Statement");
        for (var function : functions().entrySet()) {
            List<Object> policies = list(props(function.getValue()).get("Policies"));
            for (Object policy : policies) {
                assertThat(policy).as(function.getKey() + ": managed policies are too broad").isInstanceOf(Map.class);
                assertThat(templates).as(function.getKey()).containsAll(map(policy).keySet());
            }
            assertThat(policyNames(function.getKey())).as(function.getKey() + " reads the database password")
                    .contains("AWSSecretsManagerGetSecretValuePolicy");
        }
        assertThat(policyNames("SalesApiFunction")).contains("SNSPublishMessagePolicy");
        assertThat(policyNames("ScheduledJobsFunction")).contains("SNSPublishMessagePolicy");
        assertThat(policyNames("DeadLetterAlertFunction")).contains("SNSPublishMessagePolicy");
        assertThat(policyNames("StockWorkerFunction")).contains("SQSPollerPolicy", "Statement");
        assertThat(policyNames("DeadLetterAlertFunction")).contains("Statement");
    }

    @Test
    void theEnvironmentNamesOnlySettingsTheHandlersRead() {
        Set<String> names = new TreeSet<>();
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        names.addAll(map(map(globals.get("Environment")).get("Variables")).keySet());
        for (Object function : functions().values()) {
            Object environment = props(function).get("Environment");
            if (environment != null) {
                names.addAll(map(map(environment).get("Variables")).keySet());
            }
        }
        names.removeIf(name -> !name.startsWith("DONUT_"));
        assertThat(LambdaSettings.NAMES).containsAll(names);
        assertThat(names).contains("DONUT_DB_URL", "DONUT_DB_SECRET_ARN", "DONUT_SNS_TOPIC_ARN", "DONUT_ALERT_TOPIC_ARN",
                "DONUT_QUEUE_STOCK_QUEUE_URL", "DONUT_QUEUE_DEAD_LETTER_QUEUE", "DONUT_PUBLIC_URL");
    }

    @Test
    void migrationsRunOnDeployBeforeAnyFunctionThatUsesTheSchema() {
        Map<String, Object> migration = map(resources.get("SchemaMigration"));
        assertThat(migration.get("Type").toString()).startsWith("Custom::");
        assertThat(props(migration).get("ServiceToken")).isEqualTo(getAtt("MigrationFunction", "Arn"));
        assertThat(props(migration).get("MigrationFunctionVersion")).isEqualTo(ref("MigrationFunction.Version"));
        for (var function : functions().entrySet()) {
            if (!function.getKey().equals("MigrationFunction")) {
                assertThat(map(function.getValue()).get("DependsOn")).as(function.getKey()).isEqualTo("SchemaMigration");
            }
        }
    }

    @Test
    void theOutputsNameTheApiTheQueuesAndTheTopic() {
        assertThat(map(template.get("Outputs"))).containsKeys("ApiUrl", "StockQueueUrl", "DeadLetterQueueUrl",
                "StockTopicArn");
    }

    // ------------------------------------------------------------------ logs, tracing, throttling, alarms, admin routes

    @Test
    void everyFunctionLogsToAGroupOfItsOwnAndEveryLogGroupHasARetention() {
        Set<Object> groups = new java.util.HashSet<>();
        for (var function : functions().entrySet()) {
            Object group = map(props(function.getValue()).get("LoggingConfig")).get("LogGroup");
            assertThat(group).as(function.getKey() + " names its log group").isInstanceOf(Map.class);
            String name = (String) map(group).get("Ref");
            assertThat(map(resources.get(name)).get("Type")).as(name).isEqualTo("AWS::Logs::LogGroup");
            assertThat(groups.add(group)).as(function.getKey() + ": a group of its own").isTrue();
        }
        var logGroups = resources.entrySet().stream()
                .filter(r -> "AWS::Logs::LogGroup".equals(map(r.getValue()).get("Type"))).toList();
        assertThat(logGroups).hasSize(functions().size() + 1);
        for (var group : logGroups) {
            assertThat(props(group.getValue()).get("RetentionInDays")).as(group.getKey()).isEqualTo(ref("LogRetentionDays"));
        }
        Map<String, Object> retention = map(parameters.get("LogRetentionDays"));
        assertThat(list(retention.get("AllowedValues"))).contains(retention.get("Default")).doesNotContain(0);
    }

    @Test
    void everyFunctionIsTracedWithXRay() {
        assertThat(map(map(template.get("Globals")).get("Function")).get("Tracing")).isEqualTo("Active");
        for (var function : functions().entrySet()) {
            assertThat(props(function.getValue()).getOrDefault("Tracing", "Active")).as(function.getKey())
                    .isEqualTo("Active");
        }
    }

    @Test
    void theHttpApiIsThrottledAndLogsEachRequestWithoutTokens() {
        Map<String, Object> api = props(resources.get("DonutApi"));
        Map<String, Object> throttling = map(api.get("DefaultRouteSettings"));
        assertThat(throttling.get("ThrottlingRateLimit")).isEqualTo(ref("ApiThrottlingRateLimit"));
        assertThat(throttling.get("ThrottlingBurstLimit")).isEqualTo(ref("ApiThrottlingBurstLimit"));
        assertThat((Integer) map(parameters.get("ApiThrottlingBurstLimit")).get("Default"))
                .isGreaterThanOrEqualTo((Integer) map(parameters.get("ApiThrottlingRateLimit")).get("Default"));

        Map<String, Object> access = map(api.get("AccessLogSettings"));
        assertThat(access.get("DestinationArn")).isEqualTo(getAtt("ApiAccessLogGroup", "Arn"));
        String format = (String) access.get("Format");
        // One JSON object per request once API Gateway fills in the variables.
        JsonNode line = JsonMapper.builder().build().readTree(format.replaceAll("\\$context\\.[A-Za-z.]+", "x"));
        assertThat(line.isObject()).isTrue();
        assertThat(format).contains("$context.requestId", "$context.routeKey", "$context.status",
                "$context.integrationErrorMessage");
        // The callback's token rides in the query string, the admin token in a header: neither is logged.
        assertThat(format.toLowerCase(java.util.Locale.ROOT)).doesNotContain("querystring", "header", "authorizer");
    }

    @Test
    void alarmsWatchTheSalesAndWorkerFunctionsAndTheApis5xxAndNotifyOps() {
        var alarms = resources.values().stream().map(TemplateTest::map)
                .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type"))).map(TemplateTest::props).toList();
        for (String function : List.of("SalesApiFunction", "StockWorkerFunction", "ScheduledJobsFunction")) {
            assertThat(alarms).as("an Errors alarm on " + function).anySatisfy(alarm -> {
                assertThat(alarm.get("Namespace")).isEqualTo("AWS/Lambda");
                assertThat(alarm.get("MetricName")).isEqualTo("Errors");
                assertThat(list(alarm.get("Dimensions"))).containsExactly(
                        Map.of("Name", "FunctionName", "Value", ref(function)));
                assertThat(list(alarm.get("AlarmActions"))).containsExactly(ref("OpsTopic"));
            });
        }
        assertThat(alarms).as("an alarm on the API's 5xx answers").anySatisfy(alarm -> {
            assertThat(alarm.get("Namespace")).isEqualTo("AWS/ApiGateway");
            assertThat(alarm.get("MetricName")).isEqualTo("5xx");
            assertThat(list(alarm.get("Dimensions"))).contains(Map.of("Name", "ApiId", "Value", ref("DonutApi")),
                    Map.of("Name", "Stage", "Value", "$default"));
            assertThat(list(alarm.get("AlarmActions"))).containsExactly(ref("OpsTopic"));
        });
        for (var alarm : alarms) {
            assertThat(alarm.get("TreatMissingData")).isEqualTo("notBreaching");
            assertThat(list(alarm.get("AlarmActions"))).contains(ref("OpsTopic"));
        }
    }

    @Test
    void theAdminAndOpsRoutesReachOnlyTheFunctionThatChecksTheAdminToken() {
        Map<String, String> routes = new java.util.TreeMap<>();
        for (var function : functions().entrySet()) {
            map(props(function.getValue()).getOrDefault("Events", Map.of())).values().stream().map(TemplateTest::map)
                    .filter(e -> "HttpApi".equals(e.get("Type"))).map(TemplateTest::props)
                    .forEach(e -> routes.put(e.get("Method") + " " + e.get("Path"), function.getKey()));
        }
        routes.forEach((route, function) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            boolean admin = path.startsWith("/api/admin") || path.startsWith("/api/ops");
            assertThat(function.equals("AdminApiFunction")).as(route + " -> " + function).isEqualTo(admin);
        });
        assertThat(routes).containsEntry("ANY /api/admin/{proxy+}", "AdminApiFunction")
                .containsEntry("GET /api/ops/summary", "AdminApiFunction");

        Map<String, Object> admin = props(resources.get("AdminApiFunction"));
        assertThat(admin.get("Handler")).isEqualTo(AdminApiHandler.class.getName() + "::handleRequest");
        assertThat(map(map(admin.get("Environment")).get("Variables")))
                .containsEntry(AdminApiHandler.TOKEN_SECRET, ref("AdminTokenSecret"));
        assertThat((Integer) admin.get("Timeout")).as("within API Gateway's 30 s integration limit").isLessThan(30);
        Map<String, Object> secret = props(resources.get("AdminTokenSecret"));
        Map<String, Object> generated = map(secret.get("GenerateSecretString"));
        assertThat((Integer) generated.get("PasswordLength")).isGreaterThanOrEqualTo(32);
        assertThat(generated).doesNotContainKey("SecretStringTemplate");
        assertThat(map(template.get("Outputs"))).containsKey("AdminTokenSecretArn");
        // The function may take and delete dead letters, and send an unreadable one back to stock_queue only.
        List<Map<String, Object>> statements = new ArrayList<>();
        collectStatements(admin.get("Policies"), statements);
        assertThat(statements).anySatisfy(st -> {
            assertThat(st.get("Resource")).isEqualTo(getAtt("DeadLetterQueue", "Arn"));
            assertThat(list(st.get("Action"))).contains("sqs:ReceiveMessage", "sqs:DeleteMessage");
        });
        assertThat(statements).anySatisfy(st -> {
            assertThat(st.get("Resource")).isEqualTo(getAtt("StockQueue", "Arn"));
            assertThat(list(st.get("Action"))).contains("sqs:SendMessage").doesNotContain("sqs:DeleteMessage");
        });
    }

    /** The served API's document, kept equal to what the service serves by the all-in-one's OpenApiDocumentTest. */
    private static final Path OPENAPI = Path.of("..", "docs", "openapi.json");

    /**
     * Operations of the OpenAPI document that the stack does not serve, each with the reason. The greedy
     * {@code ANY /api/admin/{proxy+}} route takes them to AdminApiFunction, which answers them 404 (as
     * deploy/aws/README.md, "The operator's endpoints", says). The dashboard ({@code /}), its static files and
     * {@code /actuator/**} are not in the document: they are the service's alone.
     */
    private static final Map<String, String> NOT_ON_LAMBDA = Map.of(
            "GET /api/admin/ledger/replay", "the full ledger replay is a background job of the service",
            "POST /api/admin/ledger/replay", "the full ledger replay is a background job of the service",
            "GET /api/admin/ledger/archive", "archiving the books is a background job of the service",
            "POST /api/admin/ledger/archive", "archiving the books is a background job of the service");

    @Test
    void everyDocumentedOperationIsRoutedToAHandlerThatServesItUnlessListedAsServiceOnly() throws IOException {
        Set<String> documented = new TreeSet<>();
        JsonNode paths = JsonMapper.builder().build().readTree(Files.readString(OPENAPI)).path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
            }
        }
        assertThat(documented).as(OPENAPI + " lists its operations").contains("POST /api/sales",
                "GET /api/backorders/{id}");
        assertThat(documented).as("every exclusion names a documented operation (else drop it)")
                .containsAll(NOT_ON_LAMBDA.keySet());

        // Each HttpApi event: METHOD (or ANY) and path as API Gateway matches them, and the handler it reaches.
        record Route(String method, String path, String handler) {
            boolean greedy() {
                return path.endsWith("{proxy+}");
            }

            boolean takes(String operationMethod, String operationPath) {
                if (!method.equals("ANY") && !method.equals(operationMethod)) {
                    return false;
                }
                String mine = normalised(path);
                String theirs = normalised(operationPath);
                return greedy() ? theirs.startsWith(mine.substring(0, mine.length() - "{proxy+}".length()))
                        : theirs.equals(mine);
            }
        }
        List<Route> routes = new ArrayList<>();
        for (var function : functions().values()) {
            String handler = (String) props(function).get("Handler");
            map(props(function).getOrDefault("Events", Map.of())).values().stream().map(TemplateTest::map)
                    .filter(e -> "HttpApi".equals(e.get("Type"))).map(TemplateTest::props)
                    .forEach(e -> routes.add(new Route((String) e.get("Method"), (String) e.get("Path"),
                            handler.substring(0, handler.indexOf("::")))));
        }

        Map<String, String> unserved = new java.util.TreeMap<>();
        for (String operation : documented) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            // A route of its own, or the greedy route to a handler that names the operation among its routes.
            var exact = routes.stream().filter(r -> !r.greedy() && r.takes(method, path)).findFirst();
            var greedy = routes.stream().filter(r -> r.greedy() && r.takes(method, path)).findFirst();
            boolean served = exact.isPresent()
                    || (greedy.isPresent() && handlerNames(greedy.get().handler(), method, path));
            if (NOT_ON_LAMBDA.containsKey(operation)) {
                assertThat(served).as(operation + " is served on Lambda now: drop it from NOT_ON_LAMBDA").isFalse();
            } else if (!served) {
                unserved.put(operation, exact.or(() -> greedy).map(r -> "reaches " + r.handler()
                        + ", whose Javadoc does not name it").orElse("no HttpApi event routes it"));
            }
        }
        assertThat(unserved).as("documented operations that deploy/aws/template.yaml does not serve; route them, "
                + "or list them in NOT_ON_LAMBDA with the reason").isEmpty();
    }

    /** {@code /api/products/{sku}} and {@code /api/products/{id}} are the same route to API Gateway. */
    private static String normalised(String path) {
        return path.replaceAll("\\{[^}+]+}", "{}");
    }

    /** Whether the handler's class comment lists {@code {@code METHOD path}} (a query may follow the path). */
    private static boolean handlerNames(String handler, String method, String path) {
        Path source = Path.of("src", "main", "java", handler.replace('.', '/') + ".java");
        try {
            return Pattern.compile("\\{@code " + Pattern.quote(method + " " + path) + "[?}]")
                    .matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ CreateDatabase

    @Test
    void aDatabaseIsCreatedOnlyWhenAskedAndEveryIfNamesADefinedCondition() {
        Map<String, Object> createDatabase = map(parameters.get("CreateDatabase"));
        assertThat(createDatabase.get("Default")).isEqualTo("false");
        assertThat(list(createDatabase.get("AllowedValues"))).containsExactlyInAnyOrder("true", "false");
        assertThat(conditions.get(CREATES_DATABASE))
                .isEqualTo(Map.of("Fn::Equals", List.of(ref("CreateDatabase"), "true")));

        Set<String> used = new TreeSet<>();
        collectConditionNames(template, used);
        resources.values().forEach(r -> addIfPresent(map(r).get("Condition"), used));
        map(template.get("Outputs")).values().forEach(o -> addIfPresent(map(o).get("Condition"), used));
        assertThat(used).as("conditions named by !If, !Condition and Condition:").contains(CREATES_DATABASE);
        assertThat(conditions.keySet()).as("every named condition is defined").containsAll(used);
        assertThat(used).as("every defined condition is used").containsAll(conditions.keySet());

        // Whatever makes up the database exists only when asked for; nothing of the kind exists otherwise.
        Set<String> databaseTypes = Set.of("AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::RDS::DBSubnetGroup",
                "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::SecretsManager::Secret");
        // The admin token's secret is the stack's whatever the database: it is no part of the database.
        Set<String> notTheDatabase = Set.of("AdminTokenSecret");
        // The security groups also come with the RDS Proxy (UseRdsProxy), which admits the functions' group.
        Set<String> created = new TreeSet<>();
        resources.forEach((name, r) -> {
            if (databaseTypes.contains(map(r).get("Type")) && !notTheDatabase.contains(name)) {
                Object condition = map(r).get("Condition");
                if ("AWS::EC2::SecurityGroup".equals(map(r).get("Type"))) {
                    assertThat(condition).as(name).isIn(CREATES_DATABASE, "HasFunctionSecurityGroup", USES_RDS_PROXY);
                } else {
                    assertThat(condition).as(name).isEqualTo(CREATES_DATABASE);
                }
                created.add((String) map(r).get("Type"));
            }
        });
        assertThat(created).contains("AWS::RDS::DBInstance", "AWS::RDS::DBSubnetGroup", "AWS::EC2::SecurityGroup",
                "AWS::SecretsManager::Secret");
        assertThat(map(evaluated(false).get("Resources")).entrySet())
                .noneMatch(r -> databaseTypes.contains(map(r.getValue()).get("Type")) && !notTheDatabase.contains(r.getKey()));
    }

    @ParameterizedTest(name = "CreateDatabase={0}, UseRdsProxy={1}, DbClusterIdentifier={2}")
    @CsvSource({"true,false,''", "false,false,''", "true,true,''", "false,true,''", "false,true,donut-cluster"})
    void withOrWithoutACreatedDatabaseOrAProxyEveryReferenceNamesSomethingThatExists(boolean createDatabase,
                                                                                 boolean useRdsProxy, String cluster) {
        Map<String, Object> evaluated = evaluated(Map.of("CreateDatabase", Boolean.toString(createDatabase),
                "UseRdsProxy", Boolean.toString(useRdsProxy), "DbClusterIdentifier", cluster));
        Map<String, Object> present = map(evaluated.get("Resources"));
        List<String> targets = new ArrayList<>();
        collectReferences(evaluated.get("Resources"), targets);
        collectReferences(evaluated.get("Outputs"), targets);
        collectReferences(evaluated.get("Globals"), targets);
        for (String target : targets) {
            assertThat(resolves(target, present)).as("reference to " + target).isTrue();
        }
        present.forEach((name, r) -> {
            Object dependsOn = map(r).get("DependsOn");
            List<Object> on = dependsOn == null ? List.of() : dependsOn instanceof List<?> l ? new ArrayList<>(l)
                    : List.of(dependsOn);
            on.forEach(d -> assertThat(present).as(name + " depends on " + d).containsKey((String) d));
        });
    }

    @Test
    void theExistingDatabaseMustBeNamedAndTheCreatedOneNeedsItsVpc() {
        Map<String, Object> rules = map(template.get("Rules"));
        assertThat(assertions(rules, "false")).contains(notEmpty("DbHost"), notEmpty("DbPasswordSecretArn"));
        assertThat(assertions(rules, "true")).contains(notEmpty("VpcId"));
    }

    @Test
    void theFunctionsUseTheCreatedDatabaseWhenThereIsOneAndTheGivenOneOtherwise() throws Exception {
        Map<String, Object> created = globalFunction(evaluated(true));
        Map<String, Object> createdVariables = map(map(created.get("Environment")).get("Variables"));
        String createdUrl = (String) map(createdVariables.get("DONUT_DB_URL")).get("Fn::Sub");
        assertThat(createdUrl).startsWith("jdbc:mariadb://${Database.Endpoint.Address}:${Database.Endpoint.Port}/${DbName}");
        assertThat(createdVariables.get("DONUT_DB_SECRET_ARN")).isEqualTo(ref("DatabaseSecret"));
        assertThat(referencedNames(map(created.get("VpcConfig")).get("SecurityGroupIds")))
                .as("the functions are in the group the created database admits").contains("FunctionSecurityGroup");

        Map<String, Object> existing = globalFunction(evaluated(false));
        Map<String, Object> existingVariables = map(map(existing.get("Environment")).get("Variables"));
        assertThat(existingVariables.get("DONUT_DB_URL"))
                .isEqualTo(Map.of("Fn::Sub", "jdbc:mariadb://${DbHost}:${DbPort}/${DbName}"));
        assertThat(existingVariables.get("DONUT_DB_SECRET_ARN")).isEqualTo(ref("DbPasswordSecretArn"));
        assertThat(map(existing.get("VpcConfig")).get("SecurityGroupIds")).isEqualTo(ref("VpcSecurityGroupIds"));

        // The URL the functions get for a created database is one the MariaDB driver reads as meant.
        String url = createdUrl.replace("${Database.Endpoint.Address}", "donut.abc123.eu-west-1.rds.amazonaws.com")
                .replace("${Database.Endpoint.Port}", "3306").replace("${DbName}", "donut_states");
        Configuration configuration = Configuration.parse(url);
        assertThat(configuration.addresses()).singleElement().satisfies(address -> {
            assertThat(address.host).isEqualTo("donut.abc123.eu-west-1.rds.amazonaws.com");
            assertThat(address.port).isEqualTo(3306);
        });
        assertThat(configuration.database()).isEqualTo("donut_states");
        assertThat(configuration.sslMode()).as("MySQL 8.4's caching_sha2_password over TLS").isEqualTo(SslMode.TRUST);
    }

    @ParameterizedTest(name = "CreateDatabase={0}")
    @ValueSource(booleans = {true, false})
    void eachFunctionMayReadExactlyTheSecretItIsGivenAndNoOther(boolean createDatabase) {
        Map<String, Object> evaluated = evaluated(createDatabase);
        Object secret = map(map(globalFunction(evaluated).get("Environment")).get("Variables")).get("DONUT_DB_SECRET_ARN");
        assertThat(secret).isEqualTo(ref(createDatabase ? "DatabaseSecret" : "DbPasswordSecretArn"));
        Map<String, Object> present = map(evaluated.get("Resources"));
        for (String function : functions().keySet()) {
            List<Object> reads = list(props(present.get(function)).get("Policies")).stream().map(TemplateTest::map)
                    .filter(p -> p.containsKey("AWSSecretsManagerGetSecretValuePolicy"))
                    .map(p -> map(p.get("AWSSecretsManagerGetSecretValuePolicy")).get("SecretArn")).toList();
            if (function.equals("AdminApiFunction")) {
                // and the admin token, which no other function may read
                assertThat(reads).as(function).containsExactlyInAnyOrder(secret, ref("AdminTokenSecret"));
            } else {
                assertThat(reads).as(function).containsExactly(secret);
            }
        }
        // An existing secret is one ARN: the parameter refuses a wildcard.
        Pattern allowed = Pattern.compile((String) map(parameters.get("DbPasswordSecretArn")).get("AllowedPattern"));
        assertThat(allowed.matcher("arn:aws:secretsmanager:eu-west-1:123456789012:secret:donut-db-AbCdEf").matches()).isTrue();
        assertThat(allowed.matcher("").matches()).as("empty when the database is created").isTrue();
        for (String wildcard : List.of("*", "arn:aws:secretsmanager:*", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:*")) {
            assertThat(allowed.matcher(wildcard).matches()).as(wildcard).isFalse();
        }
    }

    @Test
    void theCreatedDatabaseIsPrivateAndAdmitsOnlyTheFunctionsOnPort3306() {
        Map<String, Object> database = props(resources.get("Database"));
        assertThat(map(resources.get("Database")).get("Type")).isEqualTo("AWS::RDS::DBInstance");
        assertThat(database.get("PubliclyAccessible")).isEqualTo(false);
        assertThat(database.get("Port").toString()).isEqualTo("3306");
        assertThat(list(database.get("VPCSecurityGroups"))).containsExactly(getAtt("DatabaseSecurityGroup", "GroupId"));
        assertThat(database.get("DBSubnetGroupName")).isEqualTo(ref("DatabaseSubnetGroup"));
        assertThat(props(resources.get("DatabaseSubnetGroup")).get("SubnetIds")).isEqualTo(ref("VpcSubnetIds"));

        Map<String, Object> databaseGroup = props(resources.get("DatabaseSecurityGroup"));
        assertThat(databaseGroup.get("VpcId")).isEqualTo(ref("VpcId"));
        assertThat(list(databaseGroup.get("SecurityGroupIngress"))).singleElement().satisfies(rule -> {
            assertThat(map(rule).get("IpProtocol")).isEqualTo("tcp");
            assertThat(map(rule).get("FromPort")).isEqualTo(3306);
            assertThat(map(rule).get("ToPort")).isEqualTo(3306);
            assertThat(map(rule).get("SourceSecurityGroupId")).isEqualTo(getAtt("FunctionSecurityGroup", "GroupId"));
            assertThat(map(rule)).doesNotContainKeys("CidrIp", "CidrIpv6", "SourcePrefixListId",
                    "SourceSecurityGroupName");
        });
        Map<String, Object> functionGroup = props(resources.get("FunctionSecurityGroup"));
        assertThat(functionGroup.get("VpcId")).isEqualTo(ref("VpcId"));
        assertThat(functionGroup).doesNotContainKey("SecurityGroupIngress");
        // No rule elsewhere opens a group, and nothing anywhere is open to the internet.
        assertThat(resources.values()).noneMatch(r -> "AWS::EC2::SecurityGroupIngress".equals(map(r).get("Type")));
        List<String> texts = new ArrayList<>();
        collectStrings(template, texts);
        assertThat(texts).doesNotContain("0.0.0.0/0", "::/0");
    }

    @Test
    void theCreatedDatabaseIsEncryptedBackedUpProtectedAndItsPasswordIsGeneratedIntoASecret() {
        Map<String, Object> database = props(resources.get("Database"));
        assertThat(database.get("Engine")).isEqualTo("mysql");
        assertThat(database.get("EngineVersion").toString()).startsWith("8.");
        assertThat(database.get("StorageEncrypted")).isEqualTo(true);
        assertThat(database.get("BackupRetentionPeriod")).isEqualTo(ref("DbBackupRetentionDays"));
        assertThat((Integer) map(parameters.get("DbBackupRetentionDays")).get("MinValue")).as("backups on").isPositive();
        assertThat(database.get("DeletionProtection")).isEqualTo(ref("DbDeletionProtection"));
        assertThat(map(parameters.get("DbDeletionProtection")).get("Default")).isEqualTo("true");
        assertThat(map(resources.get("Database")).get("DeletionPolicy")).isEqualTo("Snapshot");
        assertThat(map(resources.get("Database")).get("UpdateReplacePolicy")).isEqualTo("Snapshot");

        // The password: generated into the stack's secret, handed to RDS by a dynamic reference, in no parameter.
        assertThat(database.get("MasterUsername")).isEqualTo(ref("DbUser"));
        assertThat(database.get("MasterUserPassword"))
                .isEqualTo(Map.of("Fn::Sub", "{{resolve:secretsmanager:${DatabaseSecret}:SecretString:password}}"));
        assertThat(database).doesNotContainKey("ManageMasterUserPassword");
        Map<String, Object> secret = props(resources.get("DatabaseSecret"));
        assertThat(secret).doesNotContainKey("SecretString");
        Map<String, Object> generated = map(secret.get("GenerateSecretString"));
        assertThat(generated.get("GenerateStringKey")).isEqualTo("password");
        assertThat(map(generated.get("SecretStringTemplate")).get("Fn::Sub").toString()).contains("\"username\"");
        assertThat((Integer) generated.get("PasswordLength")).isBetween(16, 41);
        // It is JSON that DatabaseSettings reads as such.
        assertThat(DatabaseSettings.credentials("{\"username\":\"donut\",\"password\":\"s3cret\"}"))
                .isEqualTo(new DatabaseSettings.Credentials("donut", "s3cret"));
    }

    @Test
    void theMigrationWaitsForACreatedDatabaseAndItsEndpointIsAnOutput() {
        List<String> withDatabase = new ArrayList<>();
        collectReferences(map(evaluated(true).get("Resources")).get("SchemaMigration"), withDatabase);
        assertThat(withDatabase).as("SchemaMigration refers to (so waits for) the database").contains("Database");
        List<String> without = new ArrayList<>();
        collectReferences(map(evaluated(false).get("Resources")).get("SchemaMigration"), without);
        assertThat(without).doesNotContain("Database").contains("DbHost");

        Map<String, Object> endpoint = map(map(template.get("Outputs")).get("DatabaseEndpoint"));
        assertThat(endpoint.get("Condition")).isEqualTo(CREATES_DATABASE);
        assertThat(endpoint.get("Value")).isEqualTo(getAtt("Database", "Endpoint.Address"));
        assertThat(map(evaluated(true).get("Outputs"))).containsKey("DatabaseEndpoint");
        assertThat(map(evaluated(false).get("Outputs"))).doesNotContainKey("DatabaseEndpoint");
    }

    // ------------------------------------------------------------------ RDS Proxy, reserved concurrency, sizing

    @Test
    void anRdsProxyIsCreatedOnlyWhenAsked() {
        Map<String, Object> useRdsProxy = map(parameters.get("UseRdsProxy"));
        assertThat(useRdsProxy.get("Default")).isEqualTo("false");
        assertThat(list(useRdsProxy.get("AllowedValues"))).containsExactlyInAnyOrder("true", "false");
        assertThat(conditions.get(USES_RDS_PROXY)).isEqualTo(Map.of("Fn::Equals", List.of(ref("UseRdsProxy"), "true")));
        Set<String> proxyParts = Set.of("DatabaseProxy", "DatabaseProxyTargetGroup", "DatabaseProxyRole",
                "ProxySecurityGroup");
        proxyParts.forEach(name -> assertThat(map(resources.get(name)).get("Condition")).as(name).isEqualTo(USES_RDS_PROXY));
        assertThat(map(map(template.get("Outputs")).get("DatabaseProxyEndpoint")).get("Condition")).isEqualTo(USES_RDS_PROXY);
        for (boolean createDatabase : List.of(true, false)) {
            Map<String, Object> without = evaluated(Map.of("CreateDatabase", Boolean.toString(createDatabase)));
            assertThat(map(without.get("Resources"))).doesNotContainKeys(proxyParts.toArray(String[]::new));
            assertThat(map(without.get("Resources")).values()).noneMatch(r -> map(r).get("Type").toString()
                    .startsWith("AWS::RDS::DBProxy"));
            assertThat(map(without.get("Outputs"))).doesNotContainKey("DatabaseProxyEndpoint");
        }
        Map<String, Object> rules = map(template.get("Rules"));
        assertThat(map(map(rules.get("ProxyHasAVpc")).get("RuleCondition")))
                .isEqualTo(Map.of("Fn::Equals", List.of(ref("UseRdsProxy"), "true")));
        assertThat(list(map(rules.get("ProxyHasAVpc")).get("Assertions")).stream().map(a -> map(a).get("Assert")))
                .contains(notEmpty("VpcId"));
        assertThat(list(map(rules.get("ProxiedExistingDatabaseIsIdentified")).get("Assertions"))).hasSize(2);
    }

    @ParameterizedTest(name = "CreateDatabase={0}")
    @ValueSource(booleans = {true, false})
    void withTheProxyEveryFunctionConnectsThroughItWithTheDatabaseSecret(boolean createDatabase) throws Exception {
        Map<String, Object> evaluated = evaluated(Map.of("CreateDatabase", Boolean.toString(createDatabase),
                "UseRdsProxy", "true", "DbInstanceIdentifier", "donut-db"));
        Map<String, Object> present = map(evaluated.get("Resources"));
        Object secret = ref(createDatabase ? "DatabaseSecret" : "DbPasswordSecretArn");

        Map<String, Object> proxy = props(present.get("DatabaseProxy"));
        assertThat(proxy.get("EngineFamily")).isEqualTo("MYSQL");
        assertThat(proxy.get("RequireTLS")).isEqualTo(true);
        assertThat(proxy.get("RoleArn")).isEqualTo(getAtt("DatabaseProxyRole", "Arn"));
        assertThat(list(proxy.get("Auth"))).singleElement().satisfies(auth -> {
            assertThat(map(auth).get("AuthScheme")).isEqualTo("SECRETS");
            assertThat(map(auth).get("SecretArn")).as("the functions' own secret").isEqualTo(secret);
            assertThat(map(auth).get("IAMAuth")).isEqualTo("DISABLED");
        });
        assertThat(proxy.get("VpcSubnetIds")).isEqualTo(ref("VpcSubnetIds"));
        assertThat(referencedNames(proxy.get("VpcSecurityGroupIds")))
                .containsExactlyInAnyOrder("ProxySecurityGroup", "FunctionSecurityGroup", "VpcSecurityGroupIds");
        // The name: letters, digits and single hyphens, at most 63, from the stack id.
        Object name = proxy.get("DBProxyName");
        String pattern = (String) list(map(name).get("Fn::Sub")).get(0);
        assertThat(pattern.replace("${StackIdStart}", "0123abcd")).matches("[a-zA-Z](?:-?[a-zA-Z0-9]+)*").hasSizeLessThan(64);
        assertThat(referencedNames(name)).containsExactly("AWS::StackId");

        // Its role may read exactly that secret, and only RDS in this account may take the role.
        Map<String, Object> role = props(present.get("DatabaseProxyRole"));
        Map<String, Object> trust = map(list(map(role.get("AssumeRolePolicyDocument")).get("Statement")).get(0));
        assertThat(map(trust.get("Principal")).get("Service")).isEqualTo("rds.amazonaws.com");
        assertThat(trust.get("Action")).isEqualTo("sts:AssumeRole");
        List<Map<String, Object>> statements = new ArrayList<>();
        collectStatements(role.get("Policies"), statements);
        assertThat(statements).singleElement().satisfies(st -> {
            assertThat(st.get("Action")).isEqualTo("secretsmanager:GetSecretValue");
            assertThat(st.get("Resource")).isEqualTo(secret);
        });

        // It targets the created instance or the named one, with a pool bounded by the parameter.
        Map<String, Object> targets = props(present.get("DatabaseProxyTargetGroup"));
        assertThat(targets.get("DBProxyName")).isEqualTo(ref("DatabaseProxy"));
        assertThat(targets.get("TargetGroupName")).isEqualTo("default");
        assertThat(list(targets.get("DBInstanceIdentifiers")))
                .containsExactly(ref(createDatabase ? "Database" : "DbInstanceIdentifier"));
        assertThat(targets).doesNotContainKey("DBClusterIdentifiers");
        Map<String, Object> pool = map(targets.get("ConnectionPoolConfigurationInfo"));
        assertThat(pool.get("MaxConnectionsPercent")).isEqualTo(ref("DbProxyMaxConnectionsPercent"));
        assertThat((Integer) pool.get("ConnectionBorrowTimeout")).as("no longer than a function waits for its pool")
                .isBetween(1, 5);
        assertThat(list(pool.get("SessionPinningFilters"))).containsExactly("EXCLUDE_VARIABLE_SETS");
        assertThat((String) pool.get("InitQuery")).as("what the functions' pool sets on each connection")
                .containsIgnoringCase("READ COMMITTED");

        // Only the functions may reach the proxy, on MySQL's port.
        Map<String, Object> group = props(present.get("ProxySecurityGroup"));
        assertThat(group.get("VpcId")).isEqualTo(ref("VpcId"));
        assertThat(list(group.get("SecurityGroupIngress"))).singleElement().satisfies(rule -> {
            assertThat(map(rule).get("FromPort")).isEqualTo(3306);
            assertThat(map(rule).get("ToPort")).isEqualTo(3306);
            assertThat(map(rule).get("SourceSecurityGroupId")).isEqualTo(getAtt("FunctionSecurityGroup", "GroupId"));
        });

        // Every function connects through the proxy, in the group it admits, with the same secret.
        Map<String, Object> global = globalFunction(evaluated);
        Map<String, Object> variables = map(map(global.get("Environment")).get("Variables"));
        String url = (String) map(variables.get("DONUT_DB_URL")).get("Fn::Sub");
        assertThat(url).startsWith("jdbc:mariadb://${DatabaseProxy.Endpoint}:3306/${DbName}");
        assertThat(variables.get("DONUT_DB_SECRET_ARN")).isEqualTo(secret);
        assertThat(referencedNames(map(global.get("VpcConfig")).get("SecurityGroupIds"))).contains("FunctionSecurityGroup");
        Configuration configuration = Configuration.parse(url
                .replace("${DatabaseProxy.Endpoint}", "donut-states-0123abcd.proxy-abc123.eu-west-1.rds.amazonaws.com")
                .replace("${DbName}", "donut_states"));
        assertThat(configuration.addresses()).singleElement().satisfies(address -> assertThat(address.port).isEqualTo(3306));
        assertThat(configuration.sslMode()).as("the proxy requires TLS").isEqualTo(SslMode.VERIFY_FULL);

        // The migration (and so every function) waits for the proxy's target to be registered.
        assertThat(referencedNames(present.get("SchemaMigration"))).contains("DatabaseProxyTargetGroup");
        assertThat(map(evaluated.get("Outputs"))).containsKey("DatabaseProxyEndpoint");
    }

    @Test
    void theProxyTargetsAnExistingAuroraClusterWhenOneIsNamed() {
        Map<String, Object> targets = props(map(evaluated(Map.of("UseRdsProxy", "true",
                "DbClusterIdentifier", "donut-cluster")).get("Resources")).get("DatabaseProxyTargetGroup"));
        assertThat(list(targets.get("DBClusterIdentifiers"))).containsExactly(ref("DbClusterIdentifier"));
        assertThat(targets).doesNotContainKey("DBInstanceIdentifiers");
    }

    @Test
    void theSalesFunctionsConcurrencyIsReservedAndTheApisThrottleFitsIt() {
        Map<String, Object> reserved = map(parameters.get("SalesReservedConcurrency"));
        int sales = (Integer) reserved.get("Default");
        assertThat(props(map(evaluated(false).get("Resources")).get("SalesApiFunction")).get("ReservedConcurrentExecutions"))
                .isEqualTo(ref("SalesReservedConcurrency"));
        assertThat(props(map(evaluated(Map.of("SalesReservedConcurrency", "0")).get("Resources")).get("SalesApiFunction")))
                .as("0: no reservation, rather than a function that never runs").doesNotContainKey("ReservedConcurrentExecutions");
        functions().forEach((name, f) -> {
            if (!name.equals("SalesApiFunction")) {
                assertThat(props(f)).as(name).doesNotContainKey("ReservedConcurrentExecutions");
            }
        });

        // The defaults fit the default instance (db.t4g.micro: some 60 connections, see the README's sizing):
        // sales and worker containers at two connections each, plus headroom for the others.
        int pool = Integer.parseInt((String) map(map(map(map(template.get("Globals")).get("Function"))
                .get("Environment")).get("Variables")).get("DONUT_DB_POOL_SIZE"));
        int worker = (Integer) map(parameters.get("WorkerMaxConcurrency")).get("Default");
        assertThat(map(parameters.get("DbInstanceClass")).get("Default")).isEqualTo("db.t4g.micro");
        assertThat((sales + worker) * pool + 15).isLessThanOrEqualTo(60);
        // And the API passes on no more than the reserved instances serve at 50 ms a request.
        int rate = (Integer) map(parameters.get("ApiThrottlingRateLimit")).get("Default");
        int burst = (Integer) map(parameters.get("ApiThrottlingBurstLimit")).get("Default");
        assertThat(rate).isLessThanOrEqualTo(sales * 1000 / 50);
        assertThat(burst).isBetween(rate, 2 * rate);
    }

    @Test
    void theReadmeSaysHowToSizeForACrowd() throws IOException {
        String readme = Files.readString(TEMPLATE.getParent().resolve("README.md"));
        assertThat(readme).contains("## Sizing for a crowd", "SalesReservedConcurrency", "UseRdsProxy",
                "DbProxyMaxConnectionsPercent", "max_connections", "ApiThrottlingRateLimit");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The template as CloudFormation deploys it with {@code CreateDatabase} set so (other parameters at their
     * defaults): conditions evaluated, every {@code Fn::If} replaced by its branch, {@code AWS::NoValue}
     * dropped, and the resources and outputs whose condition is false left out.
     */
    private static Map<String, Object> evaluated(boolean createDatabase) {
        return evaluated(Map.of("CreateDatabase", Boolean.toString(createDatabase)));
    }

    /** The same with these parameters set so, the others at their defaults. */
    private static Map<String, Object> evaluated(Map<String, String> set) {
        Map<String, String> values = new HashMap<>();
        parameters.forEach((name, p) -> {
            Object value = map(p).get("Default");
            if (value != null) {
                values.put(name, value.toString());
            }
        });
        set.keySet().forEach(name -> assertThat(parameters).as("a parameter").containsKey(name));
        values.putAll(set);
        Map<String, Boolean> truth = new HashMap<>();
        conditions.forEach((name, c) -> truth.put(name, condition(c, values)));
        Map<String, Object> result = new LinkedHashMap<>();
        template.forEach((section, content) -> {
            if (section.equals("Resources") || section.equals("Outputs")) {
                Map<String, Object> kept = new LinkedHashMap<>();
                map(content).forEach((name, item) -> {
                    Object condition = map(item).get("Condition");
                    if (condition == null || truth.get((String) condition)) {
                        kept.put(name, branch(item, truth));
                    }
                });
                result.put(section, kept);
            } else {
                result.put(section, branch(content, truth));
            }
        });
        return result;
    }

    private static boolean condition(Object expression, Map<String, String> values) {
        Map<String, Object> m = map(expression);
        assertThat(m).hasSize(1);
        var entry = m.entrySet().iterator().next();
        return switch (entry.getKey()) {
            case "Fn::Equals" -> {
                List<Object> operands = list(entry.getValue());
                yield operand(operands.get(0), values).equals(operand(operands.get(1), values));
            }
            case "Fn::Not" -> !condition(list(entry.getValue()).get(0), values);
            case "Fn::And" -> list(entry.getValue()).stream().allMatch(c -> condition(c, values));
            case "Fn::Or" -> list(entry.getValue()).stream().anyMatch(c -> condition(c, values));
            case "Condition" -> condition(conditions.get((String) entry.getValue()), values);
            default -> throw new AssertionError("condition function not understood here: " + entry.getKey());
        };
    }

    private static String operand(Object operand, Map<String, String> values) {
        if (operand instanceof Map<?, ?> m && m.containsKey("Ref")) {
            String value = values.get((String) m.get("Ref"));
            assertThat(value).as("a value for " + m.get("Ref")).isNotNull();
            return value;
        }
        return operand.toString();
    }

    private static Object branch(Object node, Map<String, Boolean> truth) {
        if (node instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.containsKey("Fn::If")) {
                List<Object> choice = list(m.get("Fn::If"));
                assertThat(choice).hasSize(3);
                Boolean holds = truth.get((String) choice.get(0));
                assertThat(holds).as("!If names a defined condition: " + choice.get(0)).isNotNull();
                return branch(choice.get(holds ? 1 : 2), truth);
            }
            if (m.size() == 1 && "AWS::NoValue".equals(m.get("Ref"))) {
                return NO_VALUE;
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                Object value = branch(v, truth);
                if (value != NO_VALUE) {
                    copy.put((String) k, value);
                }
            });
            return copy;
        } else if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> {
                Object value = branch(v, truth);
                if (value != NO_VALUE) {
                    copy.add(value);
                }
            });
            return copy;
        }
        return node;
    }

    private static Map<String, Object> globalFunction(Map<String, Object> evaluated) {
        return map(map(evaluated.get("Globals")).get("Function"));
    }

    private static List<Object> assertions(Map<String, Object> rules, String createDatabase) {
        Object when = Map.of("Fn::Equals", List.of(ref("CreateDatabase"), createDatabase));
        List<Object> found = new ArrayList<>();
        rules.values().stream().map(TemplateTest::map).filter(r -> when.equals(r.get("RuleCondition")))
                .forEach(r -> list(r.get("Assertions")).forEach(a -> found.add(map(a).get("Assert"))));
        return found;
    }

    private static Map<String, Object> notEmpty(String parameter) {
        return Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(ref(parameter), ""))));
    }

    private static void collectConditionNames(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.containsKey("Fn::If")) {
                names.add((String) list(m.get("Fn::If")).get(0));
            } else if (m.size() == 1 && m.get("Condition") instanceof String name) {
                names.add(name);
            }
            m.values().forEach(v -> collectConditionNames(v, names));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectConditionNames(v, names));
        }
    }

    private static void addIfPresent(Object name, Set<String> names) {
        if (name != null) {
            names.add((String) name);
        }
    }

    private static Set<String> referencedNames(Object node) {
        List<String> targets = new ArrayList<>();
        collectReferences(node, targets);
        return new TreeSet<>(targets);
    }

    private static void collectStrings(Object node, List<String> texts) {
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectStrings(v, texts));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectStrings(v, texts));
        } else if (node instanceof String text) {
            texts.add(text);
        }
    }

    private static Map<String, Object> functions() {
        Map<String, Object> functions = new LinkedHashMap<>();
        resources.forEach((name, r) -> {
            if ("AWS::Serverless::Function".equals(map(r).get("Type"))) {
                functions.put(name, r);
            }
        });
        return functions;
    }

    private static Set<String> policyNames(String function) {
        Set<String> names = new TreeSet<>();
        list(props(resources.get(function)).get("Policies")).forEach(p -> names.addAll(map(p).keySet()));
        return names;
    }

    private static void collectReferences(Object node, List<String> targets) {
        if (node instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.containsKey("Ref")) {
                targets.add((String) m.get("Ref"));
            } else if (m.size() == 1 && m.containsKey("Fn::GetAtt")) {
                Object value = m.get("Fn::GetAtt");
                targets.add(value instanceof List<?> l ? (String) l.get(0) : value.toString().split("\\.")[0]);
            } else if (m.size() == 1 && m.containsKey("Fn::Sub")) {
                Object value = m.get("Fn::Sub");
                String text = value instanceof List<?> l ? (String) l.get(0) : (String) value;
                Set<String> local = value instanceof List<?> l && l.size() > 1 ? map(l.get(1)).keySet() : Set.of();
                Matcher matcher = SUB_VARIABLE.matcher(text);
                while (matcher.find()) {
                    if (!local.contains(matcher.group(1))) {
                        targets.add(matcher.group(1));
                    }
                }
                if (value instanceof List<?> l && l.size() > 1) {
                    collectReferences(l.get(1), targets);
                }
                return;
            }
            m.values().forEach(v -> collectReferences(v, targets));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectReferences(v, targets));
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectStatements(Object node, List<Map<String, Object>> statements) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if ("Statement".equals(key) && value instanceof List<?> l) {
                    l.forEach(s -> statements.add((Map<String, Object>) s));
                } else {
                    collectStatements(value, statements);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectStatements(v, statements));
        }
    }

    private static Map<String, Object> ref(String target) {
        return Map.of("Ref", target);
    }

    private static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }

    private static Map<String, Object> props(Object resource) {
        return map(map(resource).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** SnakeYAML that turns CloudFormation's short tags ({@code !Ref X}) into their long forms ({@code {Ref: X}}). */
    static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String function : List.of("Ref", "Condition", "GetAtt", "Sub", "Join", "Select", "Split", "If",
                    "Equals", "Not", "And", "Or", "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "Transform")) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String function;

            Intrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                if (function.equals("GetAtt") && value instanceof String text) {
                    int dot = text.indexOf('.');
                    value = List.of(text.substring(0, dot), text.substring(dot + 1));
                }
                String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                return Map.of(key, value);
            }
        }
    }
}
