package io.donutstates.service;

import io.donutstates.messaging.QueueSettings;
import io.donutstates.messaging.SnsStockTopic;
import io.donutstates.messaging.SqsClients;
import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.messaging.SqsQueues;
import io.donutstates.messaging.SqsStockTopic;
import io.donutstates.messaging.StockMessageHandling;
import io.donutstates.messaging.StockTopic;
import io.donutstates.messaging.StockTopicCheck;
import io.donutstates.shared.SettingUrl;
import io.donutstates.shared.StartRefused;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.OrderingFromFactory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SQS (and SNS on AWS) wiring: the queues, the stock topic and the stock worker's message handling. */
@Configuration(proxyBeanMethods = false)
class MessagingWiring {

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(DonutProperties donut) {
        return SqsClients.sqs(SettingUrl.optional("DONUT_SQS_ENDPOINT", donut.sqs().endpoint()), donut.sqs().region());
    }

    /** The queues are found (or made) at once: a queue server that cannot be reached refuses the start in one line. */
    @Bean
    SqsQueues sqsQueues(SqsClient sqs, DonutProperties donut) {
        var queue = donut.queue();
        try {
            return new SqsQueues(sqs, new QueueSettings(queue.stockQueue(), queue.deadLetterQueue(),
                    queue.maxReceiveCount(), queue.visibilityTimeout(), queue.create()));
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            String where = donut.sqs().endpoint() == null || donut.sqs().endpoint().isBlank()
                    ? "SQS in " + donut.sqs().region() + " (DONUT_SQS_REGION)"
                    : "SQS at " + donut.sqs().endpoint() + " (DONUT_SQS_ENDPOINT)";
            throw new StartRefused(where + " cannot give the queues " + queue.stockQueue() + " and "
                    + queue.deadLetterQueue() + ": " + e.getMessage(), e);
        }
    }

    /** SNS when a topic is configured, checked at once: a topic that cannot be reached refuses the start. */
    @Bean
    StockTopic stockTopic(DonutProperties donut, SqsClient sqs, SqsQueues queues) {
        String topicArn = donut.sns().topicArn();
        if (topicArn != null && !topicArn.isBlank()) {
            var endpoint = SettingUrl.optional("DONUT_SNS_ENDPOINT", donut.sns().endpoint());
            var sns = SqsClients.sns(endpoint, donut.sqs().region());
            StockTopicCheck.verify(sns, topicArn.strip(), endpoint, donut.sqs().region());
            return new SnsStockTopic(sns, topicArn.strip());
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
}
