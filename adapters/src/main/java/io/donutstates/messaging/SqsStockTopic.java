package io.donutstates.messaging;

import io.donutstates.replenishment.StockRanOut;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The stock topic without SNS: delivers each event to its subscribed queue, {@code stock_queue},
 * through the SQS API, as SNS raw message delivery would. Used where no SNS is at hand (all-in-one).
 */
public class SqsStockTopic implements StockTopic<StockRanOut> {

    private final SqsClient sqs;
    private final SqsQueues queues;

    public SqsStockTopic(SqsClient sqs, SqsQueues queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    @Override
    public void publish(StockRanOut event) {
        String body = StockEventJson.encode(event);
        Map<String, MessageAttributeValue> attributes = StockEventAttributes.of(event).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> MessageAttributeValue.builder()
                        .dataType(e.getValue().dataType()).stringValue(e.getValue().value()).build()));
        try {
            sqs.sendMessage(m -> m.queueUrl(queues.stockQueueUrl()).messageBody(body).messageAttributes(attributes));
        } catch (QueueDoesNotExistException lost) {
            queues.ensure();
            sqs.sendMessage(m -> m.queueUrl(queues.stockQueueUrl()).messageBody(body).messageAttributes(attributes));
        }
    }
}
