package io.donutstates.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.donutstates.messaging.StockMessageHandling;
import java.time.Duration;
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
 * delete it; {@code RetryIn} reports it in {@code batchItemFailures} and sets its visibility to the
 * retry delay, so only that message comes back (after the delay), never the whole batch, and after
 * {@code maxReceiveCount} receives the queue's redrive policy moves it to {@code dead_letter_queue}.
 * {@code Defer} (the factory's circuit is open) puts a delayed copy back on the queue and lets this one go.
 */
public class StockWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(StockWorkerHandler.class);
    private static final long MAX_VISIBILITY_SECONDS = 43_200;
    private static final long MAX_DELAY_SECONDS = 900;

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
        return new SQSBatchResponse(failures);
    }

    /** @return true when the message is done and may be deleted */
    private boolean handled(SQSEvent.SQSMessage message) {
        StockMessageHandling.Verdict verdict;
        try {
            verdict = shop.stockMessages().handle(message.getBody(), receiveCount(message));
        } catch (RuntimeException e) {
            // Broken infrastructure (e.g. the database): the message comes back after its visibility timeout.
            log.error("stock_queue message {} could not be handled: {}", message.getMessageId(), e.toString());
            return false;
        }
        if (verdict instanceof StockMessageHandling.Verdict.RetryIn retry) {
            delay(message, retry.delay());
            return false;
        }
        if (verdict instanceof StockMessageHandling.Verdict.Defer defer) {
            return park(message, defer.delay());
        }
        return true;
    }

    /**
     * The factory is known to be down: a fresh copy goes back on the queue with a delay (its receive
     * count starts afresh, so an outage does not dead-letter work) and this copy is done.
     */
    private boolean park(SQSEvent.SQSMessage message, Duration delay) {
        int seconds = (int) Math.min(MAX_DELAY_SECONDS, Math.max(0, delay.toSeconds()));
        try {
            String queueUrl = shop.queueUrlOf(message.getEventSourceArn());
            Map<String, MessageAttributeValue> attributes = new HashMap<>();
            if (message.getMessageAttributes() != null) {
                message.getMessageAttributes().forEach((name, value) -> {
                    if (value.getStringValue() != null) {
                        attributes.put(name, MessageAttributeValue.builder().dataType(value.getDataType())
                                .stringValue(value.getStringValue()).build());
                    }
                });
            }
            shop.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(message.getBody())
                    .messageAttributes(attributes).delaySeconds(seconds));
            return true;
        } catch (RuntimeException e) {
            // Not parked: report it failed so it comes back (and counts a receive) rather than be lost.
            log.warn("could not park stock_queue message {}: {}", message.getMessageId(), e.toString());
            return false;
        }
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

    /** The message becomes visible again after the retry delay instead of the queue's whole visibility timeout. */
    private void delay(SQSEvent.SQSMessage message, Duration delay) {
        int seconds = (int) Math.min(MAX_VISIBILITY_SECONDS, Math.max(0, delay.toSeconds()));
        try {
            String queueUrl = shop.queueUrlOf(message.getEventSourceArn());
            shop.sqs().changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.getReceiptHandle())
                    .visibilityTimeout(seconds));
        } catch (RuntimeException e) {
            // Still reported as failed: it comes back after the queue's visibility timeout instead.
            log.warn("could not set the retry delay of stock_queue message {}: {}", message.getMessageId(), e.toString());
        }
    }
}
