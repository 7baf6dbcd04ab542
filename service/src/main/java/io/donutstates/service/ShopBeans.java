package io.donutstates.service;

import io.donutstates.replenishment.StockEvent;
import io.donutstates.http.DeadLetterEndpoints;
import io.donutstates.http.LedgerAuditEndpoints;
import io.donutstates.alerting.AlertChannel;
import io.donutstates.alerting.DeliveringAlerts;
import io.donutstates.alerting.JdbcAlerts;
import io.donutstates.audit.ArchivingTheLedger;
import io.donutstates.audit.FollowingTheLedger;
import io.donutstates.audit.ReplayingTheLedger;
import io.donutstates.factory.CircuitBreakingFactory;
import io.donutstates.factory.JdbcFactoryDirectory;
import io.donutstates.housekeeping.JdbcTableSizes;
import io.donutstates.housekeeping.PurgingHistory;
import io.donutstates.http.FactoryCallbackEndpoint;
import io.donutstates.http.ReadEndpoints;
import io.donutstates.http.SalesEndpoints;
import io.donutstates.messaging.Outbox;
import io.donutstates.messaging.RelayingOutbox;
import io.donutstates.messaging.SqsDeadLetters;
import io.donutstates.messaging.SqsQueues;
import io.donutstates.messaging.StockMessageHandling;
import io.donutstates.messaging.StockTopic;
import io.donutstates.messaging.WatchingTheOutbox;
import io.donutstates.replenishment.DeliveryCallbacks;
import io.donutstates.replenishment.GivingUpReplenishment;
import io.donutstates.replenishment.NoticingFactoryOutages;
import io.donutstates.replenishment.OrderingFromFactory;
import io.donutstates.replenishment.ReceivingDelivery;
import io.donutstates.replenishment.RedrivingReplenishment;
import io.donutstates.replenishment.Replenishments;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.replenishment.SweepingStuckReplenishments;
import io.donutstates.sales.Checkout;
import io.donutstates.sales.SellingOnce;
import io.donutstates.shared.Transactions;
import io.donutstates.shop.Shop;
import io.donutstates.stock.AdjustingStock;
import io.donutstates.stock.JdbcStockAudit;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Shop}'s parts as beans, for the controllers, health checks and jobs: exposed, never built here. */
@Configuration(proxyBeanMethods = false)
class ShopBeans {

    @Bean
    Transactions transactions(Shop shop) {
        return shop.books().transactions();
    }

    @Bean
    Stock stock(Shop shop) {
        return shop.books().stock();
    }

    @Bean
    StockLedger stockLedger(Shop shop) {
        return shop.books().ledger();
    }

    @Bean
    Replenishments replenishments(Shop shop) {
        return shop.books().replenishments();
    }

    @Bean
    Outbox<StockEvent> outbox(Shop shop) {
        return shop.books().outbox();
    }

    /** Buyers go through the configured mode: combined lanes, or plain. */
    @Bean
    Checkout checkout(Shop shop) {
        return shop.sales().checkout();
    }

    @Bean
    SellingOnce sellingOnce(Shop shop) {
        return shop.sales().sellingOnce();
    }

    @Bean
    AdjustingStock adjustingStock(Shop shop) {
        return shop.sales().adjusting();
    }

    @Bean
    SalesEndpoints salesEndpoints(Shop shop) {
        return shop.sales().endpoints();
    }

    @Bean
    Shop.Backorders backorders(Shop shop) {
        return shop.backorders();
    }

    @Bean
    io.donutstates.http.BackorderEndpoints backorderEndpoints(Shop shop) {
        return shop.backorders().endpoints();
    }

    @Bean
    ReadEndpoints readEndpoints(Shop shop) {
        return shop.reads().endpoints();
    }

    @Bean
    FactoryCallbackEndpoint factoryCallbackEndpoint(Shop shop) {
        return shop.replenishing().callbackEndpoint();
    }

    @Bean
    ShopReads shopReads(Shop shop) {
        var reads = shop.reads();
        return new ShopReads(reads.stock(), reads.ledger(), reads.replenishments(), reads.alerts(), reads.audit(),
                reads.outbox());
    }

    @Bean
    DeliveryCallbacks deliveryCallbacks(Shop shop) {
        return shop.replenishing().callbacks();
    }

    @Bean
    ReceivingDelivery receivingDelivery(Shop shop) {
        return shop.replenishing().receiving();
    }

    @Bean
    JdbcFactoryDirectory factoryDirectory(Shop shop) {
        return shop.replenishing().factories();
    }

    @Bean
    CircuitBreakingFactory factory(Shop shop) {
        return shop.replenishing().factory();
    }

    @Bean
    OrderingFromFactory orderingFromFactory(Shop shop) {
        return shop.replenishing().ordering();
    }

    @Bean
    GivingUpReplenishment givingUpReplenishment(Shop shop) {
        return shop.replenishing().givingUp();
    }

    @Bean
    RedrivingReplenishment redrivingReplenishment(Shop shop) {
        return shop.replenishing().redriving();
    }

    @Bean
    SweepingStuckReplenishments sweepingStuckReplenishments(Shop shop) {
        return shop.replenishing().sweeping();
    }

    @Bean
    NoticingFactoryOutages noticingFactoryOutages(Shop shop) {
        return shop.replenishing().noticingOutages();
    }

    @Bean
    StockMessageHandling stockMessageHandling(Shop shop) {
        return shop.replenishing().stockMessages();
    }

    /** Found (or made) at once: a queue server that cannot be reached refuses the start in one line. */
    @Bean
    SqsQueues sqsQueues(Shop shop) {
        return shop.queues();
    }

    /** SNS when a topic is configured, checked at once: a topic that cannot be reached refuses the start. */
    @Bean
    StockTopic<StockEvent> stockTopic(Shop shop) {
        shop.checkStockTopic();
        return shop.stockTopic();
    }

    @Bean
    SqsDeadLetters deadLetters(Shop shop) {
        return shop.deadLetters();
    }

    @Bean
    RelayingOutbox<StockEvent> relayingOutbox(Shop shop) {
        return shop.relaying();
    }

    @Bean
    WatchingTheOutbox watchingTheOutbox(Shop shop) {
        return shop.watchingTheOutbox();
    }

    @Bean
    List<AlertChannel> alertChannels(Shop shop) {
        return shop.alerting().channels();
    }

    @Bean
    JdbcAlerts alerts(Shop shop) {
        return shop.alerting().alerts();
    }

    @Bean
    DeliveringAlerts deliveringAlerts(Shop shop) {
        return shop.alerting().delivering();
    }

    @Bean
    PurgingHistory purgingHistory(Shop shop) {
        return shop.purging();
    }

    /** Gauges anyone may scrape: over the read pool. */
    @Bean
    JdbcTableSizes jdbcTableSizes(Shop shop) {
        return shop.reads().tableSizes();
    }

    @Bean
    JdbcStockAudit stockAudit(Shop shop) {
        return shop.audit().stockAudit();
    }

    @Bean
    FollowingTheLedger followingTheLedger(Shop shop) {
        return shop.audit().following();
    }

    @Bean
    ReplayingTheLedger replayingTheLedger(Shop shop) {
        return shop.audit().replaying();
    }

    @Bean
    ArchivingTheLedger archivingTheLedger(Shop shop) {
        return shop.audit().archiving();
    }

    @Bean
    LedgerAuditEndpoints ledgerAuditEndpoints(Shop shop) {
        return shop.audit().endpoints();
    }

    /** The service relays the outbox on its own schedule, so a redrive needs nothing more. */
    @Bean
    DeadLetterEndpoints deadLetterEndpoints(SqsDeadLetters deadLetters, RedrivingReplenishment redriving) {
        return new DeadLetterEndpoints(() -> deadLetters, redriving, () -> { });
    }
}
