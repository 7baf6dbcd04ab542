package io.donutstates.messaging;

import io.donutstates.shared.StartRefused;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Asks SNS, at start-up, for the stock topic's attributes: a topic that does not exist, an SNS that
 * cannot be reached or that refuses the shop's credentials refuses the start with one line naming
 * the setting, rather than every stock event waiting in the outbox.
 */
public final class StockTopicCheck {

    private StockTopicCheck() {
    }

    public static void verify(SnsClient sns, String topicArn, Optional<URI> endpoint, String region) {
        String where = endpoint.map(uri -> "SNS at " + uri + " (DONUT_SNS_ENDPOINT)")
                .orElse("AWS SNS in " + region + " (DONUT_SNS_ENDPOINT not set)");
        try {
            sns.getTopicAttributes(r -> r.topicArn(topicArn));
        } catch (NotFoundException e) {
            throw new StartRefused("DONUT_SNS_TOPIC_ARN names no topic that " + where + " knows: " + topicArn, e);
        } catch (SnsException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + " ";
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new StartRefused("DONUT_SNS_TOPIC_ARN " + topicArn + ": " + where + " refused to describe it: "
                    + code + message, e);
        } catch (SdkClientException e) {
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(java.util.Locale.ROOT).contains("credentials")) {
                throw new StartRefused("DONUT_SNS_TOPIC_ARN is set but no AWS credentials were found for " + where
                        + ": " + firstSentence(message), e);
            }
            throw new StartRefused(where + " cannot be reached to check DONUT_SNS_TOPIC_ARN " + topicArn + ": "
                    + firstSentence(message), e);
        }
    }

    private static String firstSentence(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
