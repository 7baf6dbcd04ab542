package io.donutstates.messaging;

import io.donutstates.tracing.ShopTracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The stock worker as a long-polling consumer of {@code stock_queue} with several concurrent
 * consumers. A message is deleted only when its handling is done ({@link StockQueueVerdicts}).
 */
public class SqsStockWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqsStockWorker.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final StockMessageHandling handling;
    private final StockQueueVerdicts verdicts;
    private final int consumers;
    private final Duration pollWait;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    public SqsStockWorker(SqsClient sqs, SqsQueues queues, StockMessageHandling handling, int consumers,
                          Duration pollWait) {
        this.sqs = sqs;
        this.queueUrl = queues.stockQueueUrl();
        this.verdicts = new StockQueueVerdicts(sqs, queues);
        this.handling = handling;
        this.consumers = consumers;
        this.pollWait = pollWait;
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 1; i <= consumers; i++) {
            Thread thread = new Thread(this::consume, "stock-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        log.info("stock worker consuming {} with {} consumers", queueUrl, consumers);
    }

    private void consume() {
        while (running.get()) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds((int) pollWait.toSeconds())
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                        .messageAttributeNames("All"))
                        .messages();
                messages.forEach(this::process);
            } catch (RuntimeException e) {
                if (running.get()) {
                    log.warn("stock_queue poll failed, polling again shortly: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void process(Message message) {
        int receiveCount = Integer.parseInt(message.attributes()
                .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        StockMessageHandling.Verdict verdict;
        try {
            verdict = handling.handle(message.body(), receiveCount, traceparentOf(message));
        } catch (RuntimeException e) {
            // Broken infrastructure (e.g. the database): the message simply comes back after its visibility timeout.
            log.error("stock_queue message {} could not be handled: {}", message.messageId(), e.toString());
            return;
        }
        var received = new StockQueueVerdicts.Received(queueUrl, message.messageId(), message.body(),
                message.messageAttributes(), message.receiptHandle());
        if (verdicts.apply(verdict, received)) {
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
    }

    private static String traceparentOf(Message message) {
        var attribute = message.messageAttributes().get(ShopTracing.TRACEPARENT);
        return attribute == null ? null : attribute.stringValue();
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        threads.forEach(Thread::interrupt);
    }
}
