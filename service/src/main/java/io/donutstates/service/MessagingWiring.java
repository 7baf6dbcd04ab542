package io.donutstates.service;

import io.donutstates.messaging.QueueSettings;
import io.donutstates.messaging.SnsStockTopic;
import io.donutstates.messaging.SqsClients;
import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.messaging.SqsQueues;
import io.donutstates.messaging.SqsStockTopic;
import io.donutstates.messaging.StockMessageHandling;
import io.donutstates.messaging.StockTopic;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.OrderingFromFactory;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SQS (and SNS on AWS) wiring: the queues, the stock topic and the stock worker's message handling. */
@Configuration(proxyBeanMethods = false)
class MessagingWiring {

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(DonutProperties donut) {
        return SqsClients.sqs(endpoint(donut.sqs().endpoint()), donut.sqs().region());
    }

    @Bean
    SqsQueues sqsQueues(SqsClient sqs, DonutProperties donut) {
        var queue = donut.queue();
        return new SqsQueues(sqs, new QueueSettings(queue.stockQueue(), queue.deadLetterQueue(),
                queue.maxReceiveCount(), queue.visibilityTimeout(), queue.create()));
    }

    @Bean
    StockTopic stockTopic(DonutProperties donut, SqsClient sqs, SqsQueues queues) {
        String topicArn = donut.sns().topicArn();
        if (topicArn != null && !topicArn.isBlank()) {
            return new SnsStockTopic(SqsClients.sns(endpoint(donut.sns().endpoint()), donut.sqs().region()), topicArn);
        }
        return new SqsStockTopic(sqs, queues);
    }

    @Bean
    StockMessageHandling stockMessageHandling(DonutProperties donut, OrderingFromFactory ordering,
                                              GivingUpReplenishment givingUp, ShopMetrics metrics, Clock clock) {
        var queue = donut.queue();
        var retries = new StockMessageHandling.Retries(queue.maxReceiveCount(), queue.firstRetryDelay(),
                queue.maxRetryDelay(), donut.factory().giveUpAfter());
        return new StockMessageHandling(ordering, givingUp, retries, clock, metrics::orderOutcome);
    }

    @Bean
    SqsDeadLetters deadLetters(SqsClient sqs, SqsQueues queues) {
        return new SqsDeadLetters(sqs, queues);
    }

    private static Optional<URI> endpoint(String configured) {
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(URI.create(configured));
    }
}
