package io.donutstates.shop;

import io.donutstates.alerting.AlertChannel;
import io.donutstates.alerting.DeliveringAlerts;
import io.donutstates.factory.JdbcFactoryDirectory;
import io.donutstates.replenishment.OrderOutcome;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the runtime hands the {@link Shop}: the connections it opened (and closes), the clients it
 * made (or makes on first use), and the few things only it knows.
 *
 * @param writes            the pool of purchases, deliveries and the background jobs (migrated)
 * @param reads             the pool of anonymous reads and gauges (may be {@code writes})
 * @param localUrl          the shop's own URL when {@code publicUrl} is not set, for the factory's callbacks
 * @param moreAlertChannels channels besides the log and the webhook (email, an ops topic), given the factories
 * @param orderOutcomes     told each factory order's outcome (metrics)
 * @param alertDeliveries   told each alert delivery's result (metrics or a log line)
 * @param openTelemetry     where the shop's spans go; null: an SDK the shop builds from its tracing settings
 */
public record ShopRuntime(Clock clock, DataSource writes, DataSource reads, Supplier<SqsClient> sqs,
                          Supplier<SnsClient> sns, Supplier<String> localUrl,
                          Function<JdbcFactoryDirectory, List<AlertChannel>> moreAlertChannels,
                          Consumer<OrderOutcome> orderOutcomes, DeliveringAlerts.DeliveryListener alertDeliveries,
                          OpenTelemetry openTelemetry) {

    /** A runtime whose shop builds its own tracing from the settings. */
    public ShopRuntime(Clock clock, DataSource writes, DataSource reads, Supplier<SqsClient> sqs,
                       Supplier<SnsClient> sns, Supplier<String> localUrl,
                       Function<JdbcFactoryDirectory, List<AlertChannel>> moreAlertChannels,
                       Consumer<OrderOutcome> orderOutcomes, DeliveringAlerts.DeliveryListener alertDeliveries) {
        this(clock, writes, reads, sqs, sns, localUrl, moreAlertChannels, orderOutcomes, alertDeliveries, null);
    }
}
