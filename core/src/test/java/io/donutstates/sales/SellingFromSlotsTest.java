package io.donutstates.sales;

import static io.donutstates.stock.Products.aProductInSlots;
import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.stock.Sku;
import io.donutstates.stock.StockMovement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A product kept in several slots: a buyer takes from one slot, goes round the others when it holds
 * too little, takes a large quantity from several, and is refused only when the whole shelf is short.
 */
class SellingFromSlotsTest {

    private static final Sku SKU = Sku.of("CP-1");

    private final AShop shop = new AShop().with(aProductInSlots("CP-1", 12, 4));

    @Test
    void a_buyer_takes_from_the_slot_it_starts_at_and_the_line_carries_that_slots_balance() {
        var selling = shop.selling(slots -> 2);
        selling.sell(Purchase.of("CP-1", 1)); // from slot 0, and learns the product's four slots

        var result = selling.sell(Purchase.of("CP-1", 2));

        assertThat(result).isEqualTo(new SaleResult.Sold(2, SKU, 2, 9));
        assertThat(shop.stock.slotsOf("CP-1")).containsExactly(2, 3, 1, 3);
        assertThat(shop.ledger.lines()).last().satisfies(line -> {
            assertThat(line.slot()).isEqualTo(2);
            assertThat(line.change()).isEqualTo(-2);
            assertThat(line.balanceAfter()).isEqualTo(1);
        });
    }

    @Test
    void a_slot_that_holds_too_little_sends_the_buyer_round_to_one_that_holds_enough() {
        shop.stock.withSlots("CP-1", 0, 1, 0, 5);
        var selling = shop.selling(slots -> 0);

        var result = selling.sell(Purchase.of("CP-1", 2));

        assertThat(result).isInstanceOf(SaleResult.Sold.class);
        assertThat(shop.stock.slotsOf("CP-1")).containsExactly(0, 1, 0, 3);
        assertThat(shop.ledger.lines()).singleElement().extracting(StockMovement::slot).isEqualTo(3);
        assertThat(shop.stock.locked()).as("one slot could serve it: nothing was locked").isEmpty();
    }

    @Test
    void a_quantity_no_slot_holds_alone_is_taken_from_several_in_one_sale() {
        shop.stock.withSlots("CP-1", 2, 3, 1, 2);

        var result = shop.selling(slots -> 0).sell(Purchase.of("CP-1", 6));

        assertThat(result).isEqualTo(new SaleResult.Sold(1, SKU, 6, 2));
        assertThat(shop.sales.recorded()).hasSize(1);
        assertThat(shop.ledger.lines()).extracting(StockMovement::slot, StockMovement::change, StockMovement::reference)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1, -3, "sale:1"),
                        org.assertj.core.groups.Tuple.tuple(0, -2, "sale:1"),
                        org.assertj.core.groups.Tuple.tuple(3, -1, "sale:1"));
        assertThat(shop.ledger.lines()).allSatisfy(line ->
                assertThat(line.balanceAfter()).isEqualTo(shop.stock.slotsOf("CP-1").get(line.slot())));
        assertThat(shop.stock.locked()).as("decided with every slot held").containsExactly(SKU);
    }

    @Test
    void a_buyer_is_refused_only_when_the_whole_shelf_holds_too_little() {
        shop.stock.withSlots("CP-1", 2, 1, 0, 2);

        var result = shop.selling(slots -> 1).sell(Purchase.of("CP-1", 6));

        assertThat(result).isInstanceOfSatisfying(SaleResult.OutOfStock.class,
                refused -> assertThat(refused.available()).isEqualTo(5));
        assertThat(shop.stock.slotsOf("CP-1")).containsExactly(2, 1, 0, 2);
        assertThat(shop.ledger.lines()).isEmpty();
        assertThat(shop.stock.locked()).as("the shelf was seen to be short without locking it").isEmpty();
        assertThat(shop.replenishments.openFor(SKU)).isPresent();
    }

    @Test
    void buyers_spread_over_the_slots_sell_exactly_the_shelf() {
        var selling = shop.selling(slots -> (int) (Math.random() * slots));
        int sold = 0;
        for (int buyer = 0; buyer < 40; buyer++) {
            if (selling.sell(Purchase.of("CP-1", 1 + buyer % 3)) instanceof SaleResult.Sold s) {
                sold += s.quantity();
            }
        }

        assertThat(sold + shop.stock.stockOf("CP-1")).isEqualTo(12);
        assertThat(shop.stock.stockOf("CP-1")).as("no buyer of one was refused while a donut was left").isZero();
    }

    @Test
    void a_batch_shares_out_every_slot_and_writes_each_buyers_lines_per_slot() {
        shop.stock.withSlots("CP-1", 3, 3, 0, 0);

        var results = shop.sellingInBatches().sell(SKU, List.of(
                Purchase.of("CP-1", 2), Purchase.of("CP-1", 4), Purchase.of("CP-1", 1)));

        assertThat(results).extracting(r -> r.getClass().getSimpleName()).containsExactly("Sold", "Sold", "OutOfStock");
        assertThat(shop.stock.stockOf("CP-1")).isZero();
        assertThat(shop.ledger.lines().stream().mapToInt(StockMovement::change).sum()).isEqualTo(-6);
        for (int slot = 0; slot < 4; slot++) {
            int s = slot;
            var lines = shop.ledger.lines().stream().filter(l -> l.slot() == s).toList();
            if (!lines.isEmpty()) {
                assertThat(lines.get(lines.size() - 1).balanceAfter()).isEqualTo(shop.stock.slotsOf("CP-1").get(s));
            }
        }
    }
}
