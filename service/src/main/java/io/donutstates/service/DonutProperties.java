package io.donutstates.service;

import io.donutstates.shop.ShopSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a deployment configures, bound from {@code donut.*} properties or {@code DONUT_*}
 * environment variables (e.g. {@code DONUT_DB_URL}, {@code DONUT_QUEUE_MAX_RECEIVE_COUNT}). The parts
 * are the shop's own {@link ShopSettings}, which hold every default and check every value; only the
 * admin token is the service's alone.
 */
@ConfigurationProperties(prefix = "donut")
public record DonutProperties(
        String adminToken,
        String publicUrl,
        String callbackSecret,
        Boolean demoCatalog,
        @DefaultValue ShopSettings.Db db,
        @DefaultValue ShopSettings.Sqs sqs,
        @DefaultValue ShopSettings.Sns sns,
        @DefaultValue ShopSettings.Queue queue,
        @DefaultValue ShopSettings.Factory factory,
        @DefaultValue ShopSettings.Replenishment replenishment,
        @DefaultValue ShopSettings.Outbox outbox,
        @DefaultValue ShopSettings.Alert alert,
        @DefaultValue ShopSettings.Sales sales,
        @DefaultValue ShopSettings.Jobs jobs,
        @DefaultValue ShopSettings.Ledger ledger,
        @DefaultValue ShopSettings.Retention retention,
        @DefaultValue ShopSettings.Purge purge,
        @DefaultValue ShopSettings.Tracing tracing,
        @DefaultValue ShopSettings.Backorders backorders) {

    public DonutProperties {
        demoCatalog = demoCatalog != null ? demoCatalog : ShopSettings.defaults().demoCatalog();
    }

    /** The settings the shop is built from. */
    public ShopSettings shop() {
        return new ShopSettings(publicUrl, callbackSecret, demoCatalog, db, sqs, sns, queue, factory, replenishment,
                outbox, alert, sales, jobs, ledger, retention, purge, tracing, backorders);
    }
}
