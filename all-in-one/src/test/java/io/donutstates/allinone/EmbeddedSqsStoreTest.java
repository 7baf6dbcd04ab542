package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.messaging.SqsClients;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The queue server given a directory keeps queues, redrive policy and messages across a restart. */
class EmbeddedSqsStoreTest {

    @TempDir
    Path dir;

    @Test
    void waiting_and_dead_lettered_messages_come_back_after_a_restart_and_only_where_they_were() {
        Path store = dir.resolve("queues");
        EmbeddedSqs server = EmbeddedSqs.start(0, store);
        try (SqsClient sqs = client(server)) {
            String dlq = sqs.createQueue(r -> r.queueName("dead_letter_queue")).queueUrl();
            String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String work = sqs.createQueue(r -> r.queueName("stock_queue").attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"maxReceiveCount\":\"1\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(work).messageBody("doomed"));
            assertThat(receive(sqs, work)).extracting(Message::body).containsExactly("doomed");
            // The second receive, a long poll as the stock worker's, moves it to the dead letter queue.
            assertThat(sqs.receiveMessage(r -> r.queueUrl(work).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()).isEmpty();
            sqs.sendMessage(r -> r.queueUrl(work).messageBody("waiting"));
            assertThat(peek(sqs, dlq)).extracting(Message::body).containsExactly("doomed");
        } finally {
            server.close();
        }

        server = EmbeddedSqs.start(0, store);
        try (SqsClient sqs = client(server)) {
            String dlq = sqs.getQueueUrl(r -> r.queueName("dead_letter_queue")).queueUrl();
            String work = sqs.getQueueUrl(r -> r.queueName("stock_queue")).queueUrl();
            assertThat(peek(sqs, dlq)).extracting(Message::body).containsExactly("doomed");
            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(work).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                    .attributes().get(QueueAttributeName.REDRIVE_POLICY)).contains("dead_letter_queue");
            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(work).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .as("the dead letter is no longer in its former queue").isEqualTo("1");
            assertThat(receive(sqs, work)).extracting(Message::body).containsExactly("waiting");
        } finally {
            server.close();
        }
        assertThat(store).isDirectory();
    }

    private static SqsClient client(EmbeddedSqs server) {
        return SqsClients.sqs(Optional.of(server.endpoint()), "us-east-1");
    }

    private static java.util.List<Message> receive(SqsClient sqs, String url) {
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
    }

    private static java.util.List<Message> peek(SqsClient sqs, String url) {
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
    }
}
