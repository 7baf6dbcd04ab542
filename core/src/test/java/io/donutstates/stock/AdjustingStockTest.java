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
}
