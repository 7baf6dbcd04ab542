package io.donutstates.alerting;

import io.donutstates.factory.JdbcFactoryDirectory;
import io.donutstates.stock.FactoryId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Alerts by email over SMTP to an ops address and, when asked, to the factory's manager. */
public class EmailAlertChannel implements AlertChannel {

    private final JavaMailSender mail;
    private final List<String> opsAddresses;
    private final String from;
    private final JdbcFactoryDirectory factories;

    /** @param factories where the factory manager's address is looked up, or null not to tell managers */
    public EmailAlertChannel(JavaMailSender mail, List<String> opsAddresses, String from,
                             JdbcFactoryDirectory factories) {
        this.mail = mail;
        this.opsAddresses = List.copyOf(opsAddresses);
        this.from = from;
        this.factories = factories;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void deliver(Alert alert) {
        Set<String> to = new LinkedHashSet<>(opsAddresses);
        if (factories != null && alert.factoryId() != null) {
            factories.managerEmail(new FactoryId(alert.factoryId())).ifPresent(to::add);
        }
        if (to.isEmpty()) {
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject("[Donut-States] " + alert.kind() + " " + (alert.sku() != null ? alert.sku() : alert.factoryId()));
        var text = new StringBuilder(AlertText.headline(alert)).append("\n\n");
        AlertText.fields(alert).forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        message.setText(text.toString());
        mail.send(message);
    }
}
