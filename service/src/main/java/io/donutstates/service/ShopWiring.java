package io.donutstates.service;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.alerting.AlertChannel;
import io.donutstates.alerting.EmailAlertChannel;
import io.donutstates.messaging.SqsClients;
import io.donutstates.shared.Database;
import io.donutstates.shared.DatabaseDurability;
import io.donutstates.shared.SettingUrl;
import io.donutstates.shop.Once;
import io.donutstates.shop.Shop;
import io.donutstates.shop.ShopRuntime;
import io.donutstates.shop.ShopSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What only the service opens (the pools with their metrics, the SQS client, e-mail) and the
 * {@link Shop} built once from them; {@link ShopBeans} exposes its parts. The core knows no Spring,
 * and no use case or adapter is built here.
 */
@Configuration(proxyBeanMethods = false)
class ShopWiring {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ShopSettings shopSettings(DonutProperties donut) {
        return donut.shop();
    }

    /** The pool of purchases, deliveries and the background jobs; its metrics are {@code hikaricp_*{pool="donut-db"}}. */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(ShopSettings settings, MeterRegistry meters) {
        var db = settings.db();
        var dataSource = Database.open(new Database.Settings(db.url(), db.user(), db.password(), db.poolSize(),
                db.connectionWait()), "donut-db", config -> config.setMetricRegistry(meters));
        try {
            Database.migrate(dataSource, settings.demoCatalog());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /** Read once after the pool is up and logged once: the health check then costs nothing. */
    @Bean
    DatabaseDurability databaseDurability(HikariDataSource dataSource, ShopSettings settings) {
        var durability = DatabaseDurability.read(dataSource, settings.db().relaxedDurability());
        durability.log();
        return durability;
    }

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(ShopSettings settings) {
        return SqsClients.sqs(SettingUrl.optional("DONUT_SQS_ENDPOINT", settings.sqs().endpoint()),
                settings.sqs().region());
    }

    /** Made only when an SNS stock topic is configured. */
    @Bean(destroyMethod = "")
    Once<SnsClient> snsClient(ShopSettings settings) {
        return new Once<>(() -> SqsClients.sns(SettingUrl.optional("DONUT_SNS_ENDPOINT", settings.sns().endpoint()),
                settings.sqs().region()));
    }

    @Bean
    Shop shop(ShopSettings settings, HikariDataSource dataSource, @Qualifier("reads") HikariDataSource reads,
              SqsClient sqs, Once<SnsClient> sns, Clock clock, Environment env, ObjectProvider<JavaMailSender> mail,
              ShopMetrics metrics, MeterRegistry meters, ObjectProvider<OpenTelemetry> openTelemetry) {
        return new Shop(settings, new ShopRuntime(clock, dataSource, reads, () -> sqs, sns, () -> localUrl(env),
                factories -> emailChannel(settings.alert(), mail.getIfAvailable(), factories),
                metrics::orderOutcome,
                (channel, ok) -> io.micrometer.core.instrument.Counter.builder("donut.alerts.delivered")
                        .description("alert deliveries by channel (log, webhook, email, sns) and result (sent, failed)")
                        .tag("channel", channel).tag("result", ok ? "sent" : "failed").register(meters).increment(),
                openTelemetry.getIfAvailable()));
    }

    /** The callback URL's base when {@code DONUT_PUBLIC_URL} is not set: this process's own port. */
    private static String localUrl(Environment env) {
        return "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    }

    /** E-mail over SMTP ({@code spring.mail.*}) when there is a sender and someone to write to. */
    private static List<AlertChannel> emailChannel(ShopSettings.Alert alert, JavaMailSender sender,
                                                   io.donutstates.factory.JdbcFactoryDirectory factories) {
        if (sender == null || !(present(alert.emailTo()) || alert.emailFactoryManager())) {
            return List.of();
        }
        List<String> to = present(alert.emailTo())
                ? Arrays.stream(alert.emailTo().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        return List.of(new EmailAlertChannel(sender, to, alert.emailFrom(),
                alert.emailFactoryManager() ? factories : null));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
