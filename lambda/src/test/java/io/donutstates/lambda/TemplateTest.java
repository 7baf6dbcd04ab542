package io.donutstates.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code deploy/aws/template.yaml} as CloudFormation does (short-form intrinsics such as
 * {@code !Ref} and {@code !GetAtt} become their long forms) and checks the wiring the original got
 * wrong: handlers that exist, references that resolve, the redrive and the subscription the right way
 * round, an alarm on the dead letters, partial batch failures, permissions without wildcards.
 */
class TemplateTest {

    private static final Path TEMPLATE = Path.of("..", "deploy", "aws", "template.yaml");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private static Map<String, Object> template;
    private static Map<String, Object> resources;
    private static Map<String, Object> parameters;

    @BeforeAll
    static void read() throws IOException {
        template = new Yaml(new CloudFormationConstructor()).load(Files.readString(TEMPLATE));
        resources = map(template.get("Resources"));
        parameters = map(template.get("Parameters"));
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
                "ScheduledJobsFunction", "DeadLetterAlertFunction", "MigrationFunction");
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
        assertThat(targets).isNotEmpty();
        for (String target : targets) {
            assertThat(resolves(target)).as("reference to " + target).isTrue();
        }
    }

    private static boolean resolves(String target) {
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

    // ------------------------------------------------------------------ helpers

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
