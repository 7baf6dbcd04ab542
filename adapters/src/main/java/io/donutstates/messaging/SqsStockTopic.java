package io.donutstates.messaging;

import io.donutstates.replenishment.StockRanOut;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The stock topic without SNS: delivers each event to every subscribed queue through the SQS API,
 * as SNS raw message delivery would. Used where no SNS is at hand (the all-in-one shape).
 */
public class SqsStockTopic implements StockTopic {

    private final SqsClient sqs;
    private final List<String> subscribedQueueUrls;

    public SqsStockTopic(SqsClient sqs, List<String> subscribedQueueUrls) {
        this.sqs = sqs;
        this.subscribedQueueUrls = List.copyOf(subscribedQueueUrls);
    }

    @Override
    public void publish(StockRanOut event) {
        String body = StockEventJson.encode(event);
        Map<String, MessageAttributeValue> attributes = StockEventAttributes.of(event).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> MessageAttributeValue.builder()
                        .dataType(e.getValue().dataType()).stringValue(e.getValue().value()).build()));
        for (String queueUrl : subscribedQueueUrls) {
            sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body).messageAttributes(attributes));
        }
    }
}
