package io.donutstates.messaging;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Carries out the stock worker's verdict on one {@code stock_queue} message, for the service's
 * poller and the Lambda handler alike: a later retry, a fresh delayed copy, or a move to
 * {@code dead_letter_queue}. The caller deletes the message (or lets Lambda delete it) when told it is done.
 */
public class StockQueueVerdicts {

    private static final Logger log = LoggerFactory.getLogger(StockQueueVerdicts.class);
    /** SQS's longest message delay. */
    private static final long MAX_DELAY_SECONDS = 900;
    /** SQS's longest visibility timeout. */
    private static final long MAX_VISIBILITY_SECONDS = 43_200;

    private final SqsClient sqs;
    private final SqsQueues queues;

    public StockQueueVerdicts(SqsClient sqs, SqsQueues queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    /** One received message as the verdict needs it. */
    public record Received(String queueUrl, String messageId, String body,
                           Map<String, MessageAttributeValue> attributes, String receiptHandle) { }

    /**
     * @return true when this copy of the message is done and must be deleted; false when it must
     *         come back (its visibility is set to the retry delay where SQS allows)
     */
    public boolean apply(StockMessageHandling.Verdict verdict, Received message) {
        if (verdict instanceof StockMessageHandling.Verdict.RetryIn retry) {
            int seconds = (int) Math.min(MAX_VISIBILITY_SECONDS, Math.max(0, retry.delay().toSeconds()));
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(message.queueUrl())
                        .receiptHandle(message.receiptHandle()).visibilityTimeout(seconds));
            } catch (RuntimeException e) {
                // It still comes back, after the queue's visibility timeout instead.
                log.warn("could not set the retry delay of stock_queue message {}: {}", message.messageId(), e.toString());
            }
            return false;
        }
        if (verdict instanceof StockMessageHandling.Verdict.Defer defer) {
            int seconds = (int) Math.min(MAX_DELAY_SECONDS, Math.max(0, defer.delay().toSeconds()));
            return sent(message, message.queueUrl(), seconds, "a delayed copy to stock_queue");
        }
        if (verdict instanceof StockMessageHandling.Verdict.DeadLetter) {
            return sent(message, queues.deadLetterQueueUrl(), 0, "it to dead_letter_queue");
        }
        return true;
    }

    /** Not sent: this copy comes back (and counts a receive) rather than be lost. */
    private boolean sent(Received message, String queueUrl, int delaySeconds, String what) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(message.body())
                    .messageAttributes(message.attributes()).delaySeconds(delaySeconds));
            return true;
        } catch (RuntimeException e) {
            log.warn("could not send {} for message {}; it comes back instead: {}", what, message.messageId(),
                    e.toString());
            return false;
        }
    }
}
