package io.donutstates.service;

import io.donutstates.replenishment.StockEvent;
import io.donutstates.alerting.RecentAlerts;
import io.donutstates.messaging.Outbox;
import io.donutstates.replenishment.ReplenishmentViews;
import io.donutstates.replenishment.StockRanOut;
import io.donutstates.stock.JdbcStockAudit;
import io.donutstates.stock.Stock;
import io.donutstates.stock.StockLedger;

/**
 * The reads anyone may ask for — catalog, ledger pages, replenishments, recent alerts, health and
 * gauges, the outbox backlog — over the read pool ({@code donut-reads}): they never take a connection a purchase waits
 * for, and the server stops any of their statements after {@code DONUT_DB_READ_TIMEOUT}.
 */
public record ShopReads(Stock stock, StockLedger ledger, ReplenishmentViews replenishments, RecentAlerts alerts,
                        JdbcStockAudit audit, Outbox<StockEvent> outbox) { }
