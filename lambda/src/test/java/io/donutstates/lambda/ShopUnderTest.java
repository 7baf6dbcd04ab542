package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import io.donutstates.alerting.Alert;
import io.donutstates.messaging.QueueSettings;
import io.donutstates.messaging.SqsQueues;
import io.donutstates.replenishment.Replenishment;
import io.donutstates.stock.Sku;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One test class's shop: its own database in the shared MariaDB (migrated by {@link MigrationHandler},
 * with the demo catalog), its own queue pair in the shared ElasticMQ, and a {@link LambdaShop}
 * wired from environment variables exactly as on AWS.
 */
final class ShopUnderTest implements AutoCloseable {

    static final int MAX_RECEIVE_COUNT = 3;

    final Map<String, String> env;
    final SqsQueues queues;
    final LambdaShop shop;
    private ShopUnderTest(Map<String, String> env, SqsQueues queues, LambdaShop shop) {
        this.env = env;
        this.queues = queues;
        this.shop = shop;
    }

    /** @param overrides environment variables as name, value, name, value... */
    static ShopUnderTest start(String... overrides) {
        return start(environment(overrides));
    }

    static Map<String, String> environment(String... overrides) {
        var queues = Infra.newQueues(MAX_RECEIVE_COUNT, Duration.ofSeconds(30));
        Map<String, String> env = new HashMap<>();
        env.put("DONUT_DB_URL", Infra.newDatabaseUrl("lambda"));
        env.put("DONUT_DB_USER", "root");
        env.put("DONUT_DB_PASSWORD", "");
        env.put("DONUT_DEMO_CATALOG", "true");
        env.put("DONUT_SQS_ENDPOINT", Infra.sqsEndpoint().toString());
        env.put("DONUT_SQS_REGION", "us-east-1");
        env.put("DONUT_QUEUE_STOCK_QUEUE", queues.settings().stockQueue());
        env.put("DONUT_QUEUE_DEAD_LETTER_QUEUE", queues.settings().deadLetterQueue());
        env.put("DONUT_QUEUE_STOCK_QUEUE_URL", queues.stockQueueUrl());
        env.put("DONUT_QUEUE_MAX_RECEIVE_COUNT", Integer.toString(MAX_RECEIVE_COUNT));
        env.put("DONUT_QUEUE_FIRST_RETRY_DELAY", "1s");
        env.put("DONUT_QUEUE_MAX_RETRY_DELAY", "2s");
        env.put("DONUT_FACTORY_URL", "http://127.0.0.1:9");
        env.put("DONUT_FACTORY_TIMEOUT", "2s");
        env.put("DONUT_PUBLIC_URL", "https://a1b2c3d4e5.execute-api.ap-northeast-2.amazonaws.com");
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return env;
    }

    static ShopUnderTest start(Map<String, String> env) {
        var settings = LambdaSettings.from(env);
        new MigrationHandler(settings).handleRequest(new CloudFormationCustomResourceEvent(), null);
        var queues = new SqsQueues(Infra.sqs(), new QueueSettings(env.get("DONUT_QUEUE_STOCK_QUEUE"),
                env.get("DONUT_QUEUE_DEAD_LETTER_QUEUE"), MAX_RECEIVE_COUNT, Duration.ofSeconds(30), false));
        return new ShopUnderTest(env, queues, new LambdaShop(settings));
    }

    /** The alerts raised, newest first, as recorded for delivery (one per incident). */
    List<Alert> alerts() {
        return shop.alerts().recent(50);
    }

    int stockOf(String sku) {
        return shop.stock().find(Sku.of(sku)).orElseThrow().stock();
    }

    List<Replenishment> replenishmentsOf(String sku) {
        return shop.replenishmentViews().list(Optional.of(Sku.of(sku)), 10);
    }

    JdbcClient jdbc() {
        return JdbcClient.create(shop.dataSource());
    }

    /** Messages now visible on a queue, received (and so hidden) for the given time. */
    List<Message> receive(String queueUrl, int visibilitySeconds, int waitSeconds) {
        return Infra.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                .visibilityTimeout(visibilitySeconds).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    @Override
    public void close() {
        shop.close();
    }
}
