package io.donutstates.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.alerting.Alert;
import io.donutstates.shared.Transactions;
import io.donutstates.stock.InMemoryStock;
import io.donutstates.stock.InMemoryStockLedger;
import io.donutstates.stock.Products;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import io.donutstates.stock.StockMovement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A delivery is bounded by what was ordered (plus the tolerance), counted once, and a short one is noted. */
class ReceivingDeliveryTest {

    private static final Sku SKU = Sku.of("CP-502101");
    private static final Transactions WITHOUT_A_DATABASE = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    private final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    private final InMemoryStock stock = new InMemoryStock().with(Products.aProductWithStock("CP-502101", 0));
    private final InMemoryStockLedger ledger = new InMemoryStockLedger();
    private final List<Alert> alerts = new ArrayList<>();
    private final DeliveryCallbacks callbacks =
            new DeliveryCallbacks(() -> "http://shop.example", "a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));

    private ReceivingDelivery receiving(OverDeliveryTolerance tolerance) {
        return new ReceivingDelivery(replenishments, stock, ledger, callbacks, WITHOUT_A_DATABASE, alerts::add,
                tolerance, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private DeliveryResult deliver(OverDeliveryTolerance tolerance, Replenishment r, int count) {
        return receiving(tolerance).receive(r.id(), callbacks.tokenFor(r.id()), new Delivery(SKU, Quantity.of(count)));
    }

    @Test
    void more_than_ordered_is_refused_changes_nothing_and_alerts() {
        var order = replenishments.ordered(SKU, 10);

        var result = deliver(OverDeliveryTolerance.NONE, order, 1_000_000);

        assertThat(result).isEqualTo(new DeliveryResult.Refused(order, 1_000_000, 10));
        assertThat(stock.stockOf("CP-502101")).isZero();
        assertThat(ledger.lines()).isEmpty();
        assertThat(replenishments.find(order.id()).orElseThrow().status()).isEqualTo(ReplenishmentStatus.ORDERED);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Alert.Kind.DELIVERY_REFUSED);
            assertThat(alert.incidentKey()).isEqualTo("DELIVERY_REFUSED:" + order.id());
            assertThat(alert.reason()).contains("1000000").contains("10 ordered");
        });
        assertThat(deliver(OverDeliveryTolerance.NONE, order, 11)).isInstanceOf(DeliveryResult.Refused.class);
    }

    @Test
    void the_tolerance_admits_a_little_more_as_a_count_or_a_percentage() {
        var byCount = replenishments.ordered(SKU, 10);
        assertThat(deliver(OverDeliveryTolerance.parse("2"), byCount, 13)).isInstanceOf(DeliveryResult.Refused.class);
        assertThat(deliver(OverDeliveryTolerance.parse("2"), byCount, 12)).isInstanceOf(DeliveryResult.Delivered.class);

        var byPercent = replenishments.ordered(SKU, 10);
        assertThat(deliver(OverDeliveryTolerance.parse("10%"), byPercent, 12)).isInstanceOf(DeliveryResult.Refused.class);
        assertThat(deliver(OverDeliveryTolerance.parse("10%"), byPercent, 11)).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(stock.stockOf("CP-502101")).isEqualTo(23);
    }

    @Test
    void a_short_delivery_is_taken_in_once_and_noted() {
        var order = replenishments.ordered(SKU, 10);

        var result = deliver(OverDeliveryTolerance.NONE, order, 6);

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Delivered.class, d -> {
            assertThat(d.deliveredQuantity()).isEqualTo(6);
            assertThat(d.isShort()).isTrue();
        });
        assertThat(stock.stockOf("CP-502101")).isEqualTo(6);
        assertThat(ledger.lines()).extracting(StockMovement::change).containsExactly(6);
        assertThat(replenishments.find(order.id()).orElseThrow().deliveredQuantity()).isEqualTo(6);
        assertThat(replenishments.notes(order.id())).singleElement().asString().contains("short delivery: 6 of 10");
        assertThat(alerts).isEmpty();

        assertThat(deliver(OverDeliveryTolerance.NONE, order, 6)).isInstanceOf(DeliveryResult.AlreadyDelivered.class);
        assertThat(stock.stockOf("CP-502101")).isEqualTo(6);
    }

    @Test
    void a_full_delivery_is_not_short_and_leaves_no_note() {
        var order = replenishments.ordered(SKU, 10);
        assertThat(deliver(OverDeliveryTolerance.NONE, order, 10))
                .isInstanceOfSatisfying(DeliveryResult.Delivered.class, d -> assertThat(d.isShort()).isFalse());
        assertThat(replenishments.notes(order.id())).isEmpty();
    }

    @Test
    void the_token_of_one_replenishment_opens_no_other() {
        var first = replenishments.ordered(SKU, 10);
        var second = replenishments.ordered(SKU, 10);

        var result = receiving(OverDeliveryTolerance.NONE).receive(second.id(), callbacks.tokenFor(first.id()),
                new Delivery(SKU, Quantity.of(10)));

        assertThat(result).isInstanceOf(DeliveryResult.NotAuthentic.class);
        assertThat(stock.stockOf("CP-502101")).isZero();
        assertThat(replenishments.find(second.id()).orElseThrow().status()).isEqualTo(ReplenishmentStatus.ORDERED);
    }

    @Test
    void a_tolerance_reads_as_a_count_or_a_percentage_and_nothing_else() {
        assertThat(OverDeliveryTolerance.parse(null)).isEqualTo(OverDeliveryTolerance.NONE);
        assertThat(OverDeliveryTolerance.parse(" 0 ")).isEqualTo(OverDeliveryTolerance.NONE);
        assertThat(OverDeliveryTolerance.parse("25%").mostAccepted(Quantity.of(10))).isEqualTo(12);
        assertThat(OverDeliveryTolerance.parse("3").mostAccepted(Quantity.of(10))).isEqualTo(13);
        for (String bad : new String[]{"-1", "ten", "101%", "5%%", "1.5"}) {
            assertThatThrownBy(() -> OverDeliveryTolerance.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
        }
    }

    @Test
    void a_delivery_fills_the_emptiest_slots_first_with_a_line_per_slot() {
        stock.with(Products.aProductInSlots("CP-502101", 0, 3)).withSlots("CP-502101", 4, 0, 1);
        var order = replenishments.ordered(SKU, 10);

        var result = deliver(OverDeliveryTolerance.NONE, order, 10);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(stock.slotsOf("CP-502101")).containsExactly(5, 5, 5);
        assertThat(ledger.lines()).extracting(StockMovement::slot, StockMovement::change, StockMovement::balanceAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, 5), org.assertj.core.groups.Tuple.tuple(1, 5, 5),
                        org.assertj.core.groups.Tuple.tuple(2, 4, 5));
        assertThat(ledger.lines()).allSatisfy(line -> assertThat(line.reference()).isEqualTo("replenishment:" + order.id()));
    }
}
