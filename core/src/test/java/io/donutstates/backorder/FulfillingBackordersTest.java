package io.donutstates.backorder;

import static io.donutstates.stock.Products.aProduct;
import static io.donutstates.stock.Products.aProductInSlots;
import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.replenishment.DeliveryResult;
import io.donutstates.replenishment.ReplenishmentStatus;
import io.donutstates.stock.Sku;
import io.donutstates.stock.StockMovement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A delivery serves the waiting line first, in order and each in full, once, and the rest goes to the shelf. */
class FulfillingBackordersTest {

    private final ABackorderShop shop = new ABackorderShop().with(aProduct("CP-1", 0, 10, 0));

    private List<Backorder> placeLine(int... quantities) {
        return java.util.Arrays.stream(quantities).mapToObj(q -> shop.backordered("CP-1", q, null).backorder()).toList();
    }

    private BackorderStatus statusOf(Backorder b) {
        return shop.backorders.find(b.id()).orElseThrow().status();
    }

    @Test
    void a_delivery_serves_the_line_in_arrival_order_and_puts_the_rest_on_the_shelf() {
        var line = placeLine(3, 2, 1);
        var replenishment = shop.openReplenishment("CP-1");

        assertThat(shop.deliver(replenishment, 10)).isInstanceOf(DeliveryResult.Delivered.class);

        assertThat(line).allSatisfy(b -> assertThat(statusOf(b)).isEqualTo(BackorderStatus.FULFILLED));
        assertThat(shop.stock.stockOf("CP-1")).isEqualTo(4);
        assertThat(shop.sales.donutsSold("CP-1")).isEqualTo(6);
        var served = line.stream().map(b -> shop.backorders.find(b.id()).orElseThrow()).toList();
        assertThat(served).extracting(Backorder::saleId).doesNotContainNull()
                .isSortedAccordingTo(Long::compare);
        assertThat(served).extracting(Backorder::fulfilledBy).containsOnly(replenishment.id());
        assertThat(shop.backorders.servedBy(replenishment.id())).isEqualTo(new BackorderViews.Served(3, 6));
        shop.assertLedgerAgreesWithShelf("CP-1");
        assertThat(shop.replenishments.openFor(Sku.of("CP-1"))).as("nobody waits: no follow-up").isEmpty();
    }

    @Test
    void each_served_backorder_puts_a_fulfilment_event_for_the_stock_topic_in_the_delivery_s_transaction() {
        var line = placeLine(3, 2);
        var replenishment = shop.openReplenishment("CP-1");

        shop.deliver(replenishment, 10);

        var served = line.stream().map(b -> shop.backorders.find(b.id()).orElseThrow()).toList();
        assertThat(fulfilmentEvents()).extracting(BackorderFulfilled::backorderId, BackorderFulfilled::saleId,
                        BackorderFulfilled::quantity, BackorderFulfilled::replenishmentId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(served.get(0).id(), served.get(0).saleId(), 3, replenishment.id()),
                        org.assertj.core.groups.Tuple.tuple(served.get(1).id(), served.get(1).saleId(), 2, replenishment.id()));
    }

    private List<BackorderFulfilled> fulfilmentEvents() {
        return shop.outbox.events().stream().filter(BackorderFulfilled.class::isInstance)
                .map(BackorderFulfilled.class::cast).toList();
    }

    @Test
    void each_is_served_in_full_and_a_later_smaller_one_does_not_pass_the_head_of_the_line() {
        var line = placeLine(4, 5, 1);

        shop.deliver(shop.openReplenishment("CP-1"), 8);

        assertThat(statusOf(line.get(0))).isEqualTo(BackorderStatus.FULFILLED);
        assertThat(statusOf(line.get(1))).isEqualTo(BackorderStatus.WAITING);
        assertThat(statusOf(line.get(2))).as("strictly in order").isEqualTo(BackorderStatus.WAITING);
        assertThat(shop.stock.stockOf("CP-1")).isEqualTo(4);
        shop.assertLedgerAgreesWithShelf("CP-1");
    }

    @Test
    void demand_left_after_a_delivery_is_ordered_at_once_sized_to_it() {
        placeLine(4, 5, 1);
        var first = shop.openReplenishment("CP-1");
        assertThat(first.quantity().value()).as("the first buyer's demand and the policy's 10").isEqualTo(10);

        shop.deliver(first, 8);

        var followUp = shop.openReplenishment("CP-1");
        assertThat(followUp.id()).isNotEqualTo(first.id());
        assertThat(followUp.quantity().value()).isEqualTo(10);
    }

    @Test
    void a_large_waiting_demand_sizes_the_order_and_the_products_maximum_caps_it() {
        shop.backorders.set(Sku.of("CP-1"), new BackorderPolicy(java.time.Duration.ofHours(24), 50));
        placeLine(1);
        var first = shop.openReplenishment("CP-1");
        for (int i = 0; i < 60; i++) {
            shop.backordered("CP-1", 1, null);
        }

        shop.deliver(first, 10);

        assertThat(shop.backorders.waiting(Sku.of("CP-1")).donuts()).isEqualTo(51);
        assertThat(shop.openReplenishment("CP-1").quantity().value()).as("capped at 50").isEqualTo(50);
    }

    @Test
    void a_repeated_callback_serves_nobody_twice() {
        placeLine(2, 2);
        var replenishment = shop.openReplenishment("CP-1");

        shop.deliver(replenishment, 10);
        var again = shop.deliver(replenishment, 10);

        assertThat(again).isInstanceOf(DeliveryResult.AlreadyDelivered.class);
        assertThat(fulfilmentEvents()).as("one fulfilment event per backorder, not per callback").hasSize(2);
        assertThat(shop.sales.donutsSold("CP-1")).isEqualTo(4);
        assertThat(shop.stock.stockOf("CP-1")).isEqualTo(6);
        assertThat(shop.replenishments.get(replenishment.id()).status()).isEqualTo(ReplenishmentStatus.DELIVERED);
    }

    @Test
    void a_failure_while_serving_takes_in_neither_the_delivery_nor_the_sales() {
        var line = placeLine(2);
        var replenishment = shop.openReplenishment("CP-1");
        shop.sales.failNextWith(new IllegalStateException("database gone"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shop.deliver(replenishment, 10))
                .hasMessage("database gone");

        assertThat(statusOf(line.get(0))).isEqualTo(BackorderStatus.WAITING);
        assertThat(shop.stock.stockOf("CP-1")).isZero();
        assertThat(shop.ledger.lines()).isEmpty();
        assertThat(shop.replenishments.get(replenishment.id()).status()).isNotEqualTo(ReplenishmentStatus.DELIVERED);
        assertThat(fulfilmentEvents()).as("no event of a fulfilment rolled back").isEmpty();
    }

    @Test
    void a_delivery_spread_over_slots_is_sold_slot_by_slot_with_every_slot_s_ledger_adding_up() {
        var shop = new ABackorderShop().with(aProductInSlots("CP-S", 0, 4));
        for (int i = 0; i < 5; i++) {
            shop.backordered("CP-S", 3, null);
        }

        shop.deliver(shop.openReplenishment("CP-S"), 10);

        assertThat(shop.backorders.waiting(Sku.of("CP-S")).backorders()).isEqualTo(2);
        assertThat(shop.stock.stockOf("CP-S")).isEqualTo(1);
        assertThat(shop.ledger.lines()).extracting(StockMovement::reason)
                .contains(StockMovement.Reason.DELIVERY, StockMovement.Reason.SALE);
        shop.assertLedgerAgreesWithShelf("CP-S");
    }

    @Test
    void a_buyer_who_asked_is_told_of_the_fulfilment_through_the_notice_outbox() {
        var told = shop.backordered("CP-1", 1, "https://buyer.example/hook").backorder();
        shop.backordered("CP-1", 1, null);

        shop.deliver(shop.openReplenishment("CP-1"), 10);

        assertThat(shop.notices.appended()).singleElement().satisfies(notice -> {
            assertThat(notice.backorderId()).isEqualTo(told.id());
            assertThat(notice.status()).isEqualTo(BackorderStatus.FULFILLED);
            assertThat(notice.saleId()).isNotNull();
            assertThat(notice.signingKey()).isEqualTo(told.secretHash());
        });
    }
}
