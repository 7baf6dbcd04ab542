package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.donutstates.messaging.StockMessageHandling;
import io.donutstates.messaging.StockQueueVerdicts;
import io.donutstates.tracing.ShopTracing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The original's {@code stock_lambda}: consumes {@code stock_queue} through an SQS event source
 * mapping with {@code ReportBatchItemFailures}. Each record goes through the shared
 * {@link StockMessageHandling} (exactly what the service's poller does): {@code Done} lets Lambda
 * delete it; a message that must come back is reported in {@code batchItemFailures} with its
 * visibility set to the retry delay, so only that message comes back, never the whole batch; a
 * delayed copy or a move to {@code dead_letter_queue} lets this copy go ({@link StockQueueVerdicts},
 * the same as the service's poller).
 */
public class StockWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(StockWorkerHandler.class);

    private final LambdaShop shop;

    /** Used by AWS Lambda: the shop is wired from the container's environment once, at init. */
    public StockWorkerHandler() {
        this(LambdaShop.fromEnvironment());
    }

    public StockWorkerHandler(LambdaShop shop) {
        this.shop = shop;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            if (!handled(message)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        if (!failures.isEmpty()) {
            log.info("{} of {} stock_queue message(s) will come back later", failures.size(), records.size());
        }
        shop.flushTraces();
        return new SQSBatchResponse(failures);
    }

    /** @return true when the message is done and may be deleted */
    private boolean handled(SQSEvent.SQSMessage message) {
        StockMessageHandling.Verdict verdict;
        try {
            verdict = shop.stockMessages().handle(message.getBody(), receiveCount(message), traceparent(message));
        } catch (RuntimeException e) {
            // Broken infrastructure (e.g. the database): the message comes back after its visibility timeout.
            log.error("stock_queue message {} could not be handled: {}", message.getMessageId(), e.toString());
            return false;
        }
        if (verdict instanceof StockMessageHandling.Verdict.Done) {
            return true;
        }
        String queueUrl;
        try {
            queueUrl = shop.queueUrlOf(message.getEventSourceArn());
        } catch (RuntimeException e) {
            log.warn("stock_queue message {} comes back: its queue's URL is unknown: {}", message.getMessageId(),
                    e.toString());
            return false;
        }
        return shop.stockQueueVerdicts().apply(verdict, new StockQueueVerdicts.Received(queueUrl,
                message.getMessageId(), message.getBody(), attributes(message), message.getReceiptHandle()));
    }

    /** The W3C context the relay put among the message's attributes, or null. */
    private static String traceparent(SQSEvent.SQSMessage message) {
        var attributes = message.getMessageAttributes();
        var attribute = attributes == null ? null : attributes.get(ShopTracing.TRACEPARENT);
        return attribute == null ? null : attribute.getStringValue();
    }

    private static Map<String, MessageAttributeValue> attributes(SQSEvent.SQSMessage message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> {
                if (value.getStringValue() != null) {
                    attributes.put(name, MessageAttributeValue.builder().dataType(value.getDataType())
                            .stringValue(value.getStringValue()).build());
                }
            });
        }
        return attributes;
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
