package io.donutstates.messaging;

import io.donutstates.replenishment.StockEvent;
import io.donutstates.replenishment.StockRanOut;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The stock topic without SNS: delivers each event to its subscribed queue, {@code stock_queue},
 * through the SQS API, as SNS raw message delivery would. Used where no SNS is at hand (all-in-one).
 * The stock worker is the only subscriber here, so only the events it acts on ({@link StockRanOut})
 * are sent; the others (a backorder's fulfilment) have no one to go to and are done.
 */
public class SqsStockTopic implements StockTopic<StockEvent> {

    private final SqsClient sqs;
    private final SqsQueues queues;

    public SqsStockTopic(SqsClient sqs, SqsQueues queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    @Override
    public void publish(StockEvent event) {
        if (!(event instanceof StockRanOut)) {
            return;
        }
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
