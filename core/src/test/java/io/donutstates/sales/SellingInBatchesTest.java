package io.donutstates.sales;

import static io.donutstates.stock.Products.aProduct;
import static io.donutstates.stock.Products.aProductWithStock;
import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.stock.Sku;
import io.donutstates.stock.StockMovement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several buyers of one product in one transaction: the row locked once, the stock shared out in arrival order. */
class SellingInBatchesTest {

    private static final Sku SKU = Sku.of("CP-502101");

    private final AShop shop = new AShop().with(aProductWithStock("CP-502101", 5));
    private final SellingInBatches selling = shop.sellingInBatches();

    @Test
    void a_batch_is_one_transaction_that_locks_the_row_once() {
        var results = selling.sell(SKU, List.of(Purchase.of("CP-502101", 1), Purchase.of("CP-502101", 2)));

        assertThat(results).containsExactly(new SaleResult.Sold(1, SKU, 1, 4), new SaleResult.Sold(2, SKU, 2, 2));
        assertThat(shop.stock.locked()).containsExactly(SKU);
        assertThat(shop.transactions.committed()).isEqualTo(1);
        assertThat(shop.ledger.lines()).extracting(StockMovement::change, StockMovement::balanceAfter,
                StockMovement::reference).containsExactly(
                org.assertj.core.groups.Tuple.tuple(-1, 4, "sale:1"), org.assertj.core.groups.Tuple.tuple(-2, 2, "sale:2"));
    }

    @Test
    void stock_is_shared_out_in_arrival_order_and_a_smaller_later_ask_may_still_be_served() {
        var results = selling.sell(SKU, List.of(Purchase.of("CP-502101", 3), Purchase.of("CP-502101", 4),
                Purchase.of("CP-502101", 2)));

        assertThat(results.get(0)).isEqualTo(new SaleResult.Sold(1, SKU, 3, 2));
        assertThat(results.get(1)).isInstanceOfSatisfying(SaleResult.OutOfStock.class, refused -> {
            assertThat(refused.requested()).isEqualTo(4);
            assertThat(refused.available()).isEqualTo(2);
        });
        assertThat(results.get(2)).isEqualTo(new SaleResult.Sold(2, SKU, 2, 0));
        assertThat(shop.stock.stockOf("CP-502101")).isZero();
    }

    @Test
    void every_refused_buyer_of_a_batch_is_named_the_one_replenishment_it_started() {
        var results = selling.sell(SKU, List.of(Purchase.of("CP-502101", 5), Purchase.of("CP-502101", 1),
                Purchase.of("CP-502101", 1)));

        var started = shop.openReplenishment("CP-502101");
        assertThat(results.subList(1, 3)).allSatisfy(result -> assertThat(result)
                .isEqualTo(new SaleResult.OutOfStock(SKU, 1, 0, started)));
        assertThat(shop.outbox.events()).hasSize(1);
    }

    @Test
    void a_batch_that_reaches_the_reorder_point_starts_a_replenishment() {
        shop.with(aProduct("CP-502102", 8, 20, 5));

        selling.sell(Sku.of("CP-502102"), List.of(Purchase.of("CP-502102", 2), Purchase.of("CP-502102", 1)));

        assertThat(shop.openReplenishment("CP-502102").quantity().value()).isEqualTo(20);
    }

    @Test
    void a_batch_that_stays_above_the_reorder_point_starts_nothing() {
        selling.sell(SKU, List.of(Purchase.of("CP-502101", 1), Purchase.of("CP-502101", 1)));

        assertThat(shop.replenishments.all()).isEmpty();
    }

    @Test
    void every_buyer_of_an_unknown_product_is_told_so() {
        var results = selling.sell(Sku.of("NO-SUCH"), List.of(Purchase.of("NO-SUCH", 1), Purchase.of("NO-SUCH", 2)));

        assertThat(results).containsOnly(new SaleResult.UnknownProduct(Sku.of("NO-SUCH"))).hasSize(2);
        assertThat(shop.sales.recorded()).isEmpty();
    }
}
