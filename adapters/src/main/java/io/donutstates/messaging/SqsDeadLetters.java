package io.donutstates.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * {@code dead_letter_queue} as ops see it: listed without being consumed (each message is made
 * visible again at once), taken one by one to be redriven or discarded.
 */
public class SqsDeadLetters {

    private static final int PEEK_VISIBILITY_SECONDS = 2;
    private static final int TAKE_ATTEMPTS = 4;

    /** A dead-lettered message; {@code replenishmentId} and {@code sku} are null when the body is unreadable. */
    public record DeadLetter(String id, String receiptHandle, String body, String replenishmentId, String sku,
                             int receiveCount, Instant firstFailureAt, Instant lastFailureAt) { }

    private final SqsClient sqs;
    private final SqsQueues queues;

    public SqsDeadLetters(SqsClient sqs, SqsQueues queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    /** Up to {@code max} dead letters, oldest first as the queue returns them; none is consumed. */
    public List<DeadLetter> list(int max) {
        Map<String, DeadLetter> seen = receiveDistinct(max, null);
        seen.values().forEach(this::release);
        return new ArrayList<>(seen.values());
    }

    /** Takes one message out of view for a while so it can be redriven or deleted; the others are released. */
    public Optional<DeadLetter> take(String messageId) {
        for (int attempt = 1; attempt <= TAKE_ATTEMPTS; attempt++) {
            Map<String, DeadLetter> seen = receiveDistinct(1000, messageId);
            DeadLetter wanted = seen.remove(messageId);
            seen.values().forEach(this::release);
            if (wanted != null) {
                return Optional.of(wanted);
            }
            if (attempt < TAKE_ATTEMPTS) {
                // Someone else (another listing, another instance) may hold it out of view for a moment.
                pause();
            }
        }
        return Optional.empty();
    }

    private static void pause() {
        try {
            Thread.sleep(PEEK_VISIBILITY_SECONDS * 500L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For a body that names no replenishment: back to {@code stock_queue} as it is. */
    public void sendBackToStockQueue(DeadLetter letter) {
        sqs.sendMessage(r -> r.queueUrl(queues.stockQueueUrl()).messageBody(letter.body()));
    }

    public void delete(DeadLetter letter) {
        sqs.deleteMessage(r -> r.queueUrl(queues.deadLetterQueueUrl()).receiptHandle(letter.receiptHandle()));
    }

    public long depth() {
        return queues.depth(queues.deadLetterQueueUrl());
    }

    private Map<String, DeadLetter> receiveDistinct(int max, String stopAt) {
        Map<String, DeadLetter> seen = new LinkedHashMap<>();
        while (seen.size() < max) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queues.deadLetterQueueUrl())
                    .maxNumberOfMessages(10).visibilityTimeout(PEEK_VISIBILITY_SECONDS).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            boolean anyNew = false;
            for (Message message : batch) {
                anyNew |= seen.putIfAbsent(message.messageId(), letter(message)) == null;
            }
            if (!anyNew || (stopAt != null && seen.containsKey(stopAt))) {
                break;
            }
        }
        return seen;
    }

    private void release(DeadLetter letter) {
        try {
            sqs.changeMessageVisibility(r -> r.queueUrl(queues.deadLetterQueueUrl())
                    .receiptHandle(letter.receiptHandle()).visibilityTimeout(0));
        } catch (RuntimeException ignored) {
            // It becomes visible again by itself a few seconds later.
        }
    }

    private static DeadLetter letter(Message message) {
        String replenishmentId = null;
        String sku = null;
        try {
            var event = StockEventJson.decode(message.body());
            replenishmentId = event.replenishmentId().toString();
            sku = event.sku().value();
        } catch (IllegalArgumentException unreadable) {
            // Listed all the same, so ops can see and discard it.
        }
        var attributes = message.attributes();
        return new DeadLetter(message.messageId(), message.receiptHandle(), message.body(), replenishmentId, sku,
                Integer.parseInt(attributes.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
                millis(attributes.get(MessageSystemAttributeName.SENT_TIMESTAMP)),
                millis(attributes.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)));
    }

    private static Instant millis(String value) {
        try {
            return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
