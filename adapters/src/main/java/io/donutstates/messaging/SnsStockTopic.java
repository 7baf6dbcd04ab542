package io.donutstates.messaging;

import io.donutstates.replenishment.StockEvent;
import io.donutstates.replenishment.StockRanOut;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** The stock topic on AWS SNS; {@code stock_queue} subscribes to it with raw message delivery. */
public class SnsStockTopic implements StockTopic<StockEvent> {

    private final SnsClient sns;
    private final String topicArn;

    public SnsStockTopic(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(StockEvent event) {
        Map<String, MessageAttributeValue> attributes = StockEventAttributes.of(event).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> MessageAttributeValue.builder()
                        .dataType(e.getValue().dataType()).stringValue(e.getValue().value()).build()));
        sns.publish(p -> p.topicArn(topicArn)
                .subject(event.sku() + (event instanceof StockRanOut ? " out of stock" : " backorder fulfilled"))
                .message(StockEventJson.encode(event))
                .messageAttributes(attributes));
    }
}
