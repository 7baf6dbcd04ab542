package io.donutstates.stock;

import static io.donutstates.stock.Products.aProductWithStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.shared.InMemoryTransactions;
import io.donutstates.shared.TestClock;
import org.junit.jupiter.api.Test;

/** An operator's count replaces the stock, and the ledger says by how much and why. */
class AdjustingStockTest {

    private final InMemoryStock stock = new InMemoryStock().with(aProductWithStock("CP-502101", 7));
    private final InMemoryStockLedger ledger = new InMemoryStockLedger();
    private final TestClock clock = new TestClock();
    private final AdjustingStock adjusting =
            new AdjustingStock(stock, ledger, new InMemoryTransactions(stock, ledger), clock);

    @Test
    void a_count_replaces_the_stock_and_the_difference_enters_the_ledger() {
        var adjusted = adjusting.setStock(Sku.of("CP-502101"), 4);

        assertThat(adjusted).hasValueSatisfying(product -> assertThat(product.stock()).isEqualTo(4));
        assertThat(ledger.lines()).singleElement().satisfies(line -> {
            assertThat(line.change()).isEqualTo(-3);
            assertThat(line.balanceAfter()).isEqualTo(4);
            assertThat(line.reason()).isEqualTo(StockMovement.Reason.ADJUSTMENT);
            assertThat(line.reference()).isEqualTo("manual count");
            assertThat(line.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void a_count_that_matches_the_shelf_writes_no_line() {
        assertThat(adjusting.setStock(Sku.of("CP-502101"), 7)).isPresent();
        assertThat(ledger.lines()).isEmpty();
    }

    @Test
    void an_unknown_product_is_not_adjusted() {
        assertThat(adjusting.setStock(Sku.of("NO-SUCH"), 3)).isEmpty();
        assertThat(ledger.lines()).isEmpty();
    }

    @Test
    void a_count_below_zero_or_above_the_most_a_shelf_holds_is_refused() {
        assertThatThrownBy(() -> adjusting.setStock(Sku.of("CP-502101"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and");
        assertThatThrownBy(() -> adjusting.setStock(Sku.of("CP-502101"), Quantity.MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stock.stockOf("CP-502101")).isEqualTo(7);
    }

    @Test
    void a_count_is_spread_evenly_over_the_slots_with_a_line_per_slot_changed() {
        stock.with(Products.aProductInSlots("CP-8", 0, 3));

        var adjusted = adjusting.setStock(Sku.of("CP-8"), 10);

        assertThat(adjusted).hasValueSatisfying(product -> assertThat(product.stock()).isEqualTo(10));
        assertThat(stock.slotsOf("CP-8")).containsExactly(4, 3, 3);
        assertThat(ledger.lines()).extracting(StockMovement::slot, StockMovement::change, StockMovement::balanceAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 4, 4), org.assertj.core.groups.Tuple.tuple(1, 3, 3),
                        org.assertj.core.groups.Tuple.tuple(2, 3, 3));
    }

    @Test
    void more_slots_move_the_stock_onto_them_without_losing_or_inventing_a_donut() {
        var changed = adjusting.changePolicy(Sku.of("CP-502101"), new ReorderPolicy(20, 2), 4);

        assertThat(changed).hasValueSatisfying(product -> {
            assertThat(product.stock()).isEqualTo(7);
            assertThat(product.slots()).isEqualTo(4);
            assertThat(product.reorderQuantity()).isEqualTo(20);
        });
        assertThat(stock.slotsOf("CP-502101")).containsExactly(2, 2, 2, 1);
        assertThat(ledger.lines()).extracting(StockMovement::change).containsExactly(-5, 2, 2, 1);
        assertThat(ledger.lines()).allSatisfy(line -> assertThat(line.reference()).isEqualTo("slots 1 -> 4"));
    }

    @Test
    void fewer_slots_empty_the_ones_out_of_use_onto_the_rest() {
        stock.with(Products.aProductInSlots("CP-8", 8, 4));

        adjusting.changePolicy(Sku.of("CP-8"), new ReorderPolicy(10, 0), 2);

        assertThat(stock.slotsOf("CP-8")).containsExactly(4, 4, 0, 0);
        assertThat(stock.stockOf("CP-8")).isEqualTo(8);
        assertThat(ledger.lines().stream().mapToInt(StockMovement::change).sum()).isZero();
    }

    @Test
    void a_policy_without_slots_keeps_the_slots_and_the_stock_as_they_are() {
        stock.with(Products.aProductInSlots("CP-8", 8, 4));

        var changed = adjusting.changePolicy(Sku.of("CP-8"), new ReorderPolicy(30, 5), null);

        assertThat(changed).hasValueSatisfying(product -> assertThat(product.slots()).isEqualTo(4));
        assertThat(stock.slotsOf("CP-8")).containsExactly(2, 2, 2, 2);
        assertThat(ledger.lines()).isEmpty();
    }

    @Test
    void a_number_of_slots_out_of_range_or_an_unknown_product_changes_nothing() {
        assertThatThrownBy(() -> adjusting.changePolicy(Sku.of("CP-502101"), new ReorderPolicy(10, 0), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slots must be between 1 and 64");
        assertThatThrownBy(() -> adjusting.changePolicy(Sku.of("CP-502101"), new ReorderPolicy(10, 0), 65))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(adjusting.changePolicy(Sku.of("NO-SUCH"), new ReorderPolicy(10, 0), 2)).isEmpty();
        assertThat(ledger.lines()).isEmpty();
    }
}
