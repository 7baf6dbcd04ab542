package io.donutstates.messaging;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Finds {@code stock_queue} and {@code dead_letter_queue}, creating them with the redrive policy
 * when asked (embedded or self-managed queue servers); on AWS the template creates them.
 */
public class SqsQueues {

    private final SqsClient sqs;
    private final QueueSettings settings;
    private volatile String stockQueueUrl;
    private volatile String deadLetterQueueUrl;

    public SqsQueues(SqsClient sqs, QueueSettings settings) {
        this.sqs = sqs;
        this.settings = settings;
        ensure();
    }

    /**
     * Finds (or creates) both queues again; called when the queue server lost them, as an embedded
     * server that restarted does.
     */
    public synchronized void ensure() {
        this.deadLetterQueueUrl = resolve(settings.deadLetterQueue(), Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"));
        this.stockQueueUrl = resolve(settings.stockQueue(), Map.of());
        if (settings.createQueues()) {
            applyRedrive();
        }
    }

    public String stockQueueUrl() {
        return stockQueueUrl;
    }

    public String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    public QueueSettings settings() {
        return settings;
    }

    /** Messages waiting plus in flight. */
    public long depth(String queueUrl) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(attributes.getOrDefault(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    private String resolve(String name, Map<QueueAttributeName, String> attributes) {
        try {
            return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException missing) {
            if (!settings.createQueues()) {
                throw new IllegalStateException("queue " + name + " does not exist and queue creation is off");
            }
            return sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
        }
    }

    private void applyRedrive() {
        String deadLetterArn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetterQueueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\""
                + settings.maxReceiveCount() + "\"}";
        sqs.setQueueAttributes(r -> r.queueUrl(stockQueueUrl).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(settings.visibilityTimeout().toSeconds()))));
    }
}
