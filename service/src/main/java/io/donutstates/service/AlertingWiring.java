package io.donutstates.service;

import io.donutstates.alerting.AlertChannel;
import io.donutstates.alerting.DeliveringAlerts;
import io.donutstates.alerting.EmailAlertChannel;
import io.donutstates.alerting.JdbcAlerts;
import io.donutstates.alerting.WebhookAlertChannel;
import io.donutstates.factory.JdbcFactoryDirectory;
import io.donutstates.shared.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The alert channels: always the log; a webhook and email when configured. */
@Configuration(proxyBeanMethods = false)
class AlertingWiring {

    @Bean
    List<AlertChannel> alertChannels(DonutProperties donut, ObjectProvider<JavaMailSender> mail,
                                     JdbcFactoryDirectory factories) {
        var alert = donut.alert();
        List<AlertChannel> channels = new ArrayList<>();
        if (present(alert.webhookUrl())) {
            channels.add(new WebhookAlertChannel(URI.create(alert.webhookUrl())));
        }
        var sender = mail.getIfAvailable();
        if (sender != null && (present(alert.emailTo()) || alert.emailFactoryManager())) {
            List<String> to = present(alert.emailTo())
                    ? Arrays.stream(alert.emailTo().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                    : List.of();
            channels.add(new EmailAlertChannel(sender, to, alert.emailFrom(),
                    alert.emailFactoryManager() ? factories : null));
        }
        return channels;
    }

    @Bean
    JdbcAlerts alerts(DataSource dataSource, List<AlertChannel> alertChannels, Clock clock) {
        return new JdbcAlerts(dataSource, alertChannels.stream().map(AlertChannel::name).toList(), clock);
    }

    @Bean
    DeliveringAlerts deliveringAlerts(JdbcAlerts alerts, List<AlertChannel> alertChannels,
                                      Transactions transactions, Clock clock, MeterRegistry meters) {
        return new DeliveringAlerts(alerts, alertChannels, transactions, clock, (channel, ok) ->
                io.micrometer.core.instrument.Counter.builder("donut.alerts.delivered")
                        .description("alert deliveries by channel (log, webhook, email, sns) and result (sent, failed)")
                        .tag("channel", channel).tag("result", ok ? "sent" : "failed").register(meters).increment());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
