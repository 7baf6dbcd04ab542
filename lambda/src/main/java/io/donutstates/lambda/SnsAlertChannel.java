package io.donutstates.lambda;

import io.donutstates.alerting.Alert;
import io.donutstates.alerting.AlertChannel;
import io.donutstates.alerting.AlertText;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Alerts to the stack's operations topic (the e-mail subscription of {@code OpsTopic}), where the
 * service would send e-mail over SMTP. The subject is what SNS allows (ASCII, one line, under 100
 * characters); the message is the same text every channel uses.
 */
public class SnsAlertChannel implements AlertChannel {

    private final Supplier<SnsClient> sns;
    private final String topicArn;

    /** @param sns made on first delivery, so functions that only raise alerts never build the client */
    public SnsAlertChannel(Supplier<SnsClient> sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public String name() {
        return "sns";
    }

    @Override
    public void deliver(Alert alert) {
        var message = new StringBuilder(AlertText.headline(alert)).append("\n\n");
        AlertText.fields(alert).forEach((field, value) -> message.append(field).append(": ").append(value).append('\n'));
        sns.get().publish(p -> p.topicArn(topicArn).subject(subject(alert)).message(message.toString()));
    }

    static String subject(Alert alert) {
        String about = alert.sku() != null ? alert.sku() : alert.factoryId();
        String subject = ("Donut-States " + alert.kind() + (about == null ? "" : " " + about))
                .replaceAll("[^\\x20-\\x7E]", "?");
        return subject.length() < 100 ? subject : subject.substring(0, 99);
    }
}
