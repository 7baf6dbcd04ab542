package io.donutstates.sales;

import static io.donutstates.stock.Products.aProduct;
import static io.donutstates.stock.Products.aProductWithStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.replenishment.ReplenishmentStatus;
import io.donutstates.stock.Sku;
import io.donutstates.stock.StockMovement;
import org.junit.jupiter.api.Test;

/** Plain selling: one conditional take per purchase; a shortage starts the product's one replenishment. */
class SellingTest {

    private final AShop shop = new AShop().with(aProductWithStock("CP-502101", 3));
    private final Selling selling = shop.selling();

    @Test
    void a_sale_takes_the_donuts_and_records_the_sale_and_its_ledger_line_together() {
        var result = selling.sell(Purchase.of("CP-502101", 2));

        assertThat(result).isEqualTo(new SaleResult.Sold(1, Sku.of("CP-502101"), 2, 1));
        assertThat(shop.stock.stockOf("CP-502101")).isEqualTo(1);
        assertThat(shop.sales.recorded()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo(1));
        assertThat(shop.ledger.lines()).singleElement().satisfies(line -> {
            assertThat(line.change()).isEqualTo(-2);
            assertThat(line.balanceAfter()).isEqualTo(1);
            assertThat(line.reason()).isEqualTo(StockMovement.Reason.SALE);
            assertThat(line.reference()).isEqualTo("sale:1");
        });
        assertThat(shop.replenishments.all()).as("still above the reorder point").isEmpty();
        assertThat(shop.transactions.committed()).isEqualTo(1);
    }

    @Test
    void a_refused_order_sells_nothing_and_names_the_replenishment_it_started() {
        var result = selling.sell(Purchase.of("CP-502101", 5));

        var started = shop.openReplenishment("CP-502101");
        assertThat(result).isEqualTo(new SaleResult.OutOfStock(Sku.of("CP-502101"), 5, 3, started));
        assertThat(started.status()).isEqualTo(ReplenishmentStatus.REQUESTED);
        assertThat(started.quantity().value()).isEqualTo(10);
        assertThat(shop.stock.stockOf("CP-502101")).isEqualTo(3);
        assertThat(shop.sales.recorded()).isEmpty();
        assertThat(shop.outbox.events()).singleElement()
                .satisfies(event -> assertThat(event.replenishmentId()).isEqualTo(started.id()));
    }

    @Test
    void the_last_donut_goes_to_exactly_one_buyer() {
        selling.sell(Purchase.of("CP-502101", 2));

        var first = selling.sell(Purchase.of("CP-502101", 1));
        var second = selling.sell(Purchase.of("CP-502101", 1));

        assertThat(first).isInstanceOf(SaleResult.Sold.class);
        assertThat(second).isInstanceOf(SaleResult.OutOfStock.class);
        assertThat(shop.stock.stockOf("CP-502101")).isZero();
        assertThat(shop.ledger.lines()).extracting(StockMovement::balanceAfter).containsExactly(1, 0);
    }

    @Test
    void every_refusal_names_the_same_open_replenishment_and_its_event_is_written_once() {
        var first = (SaleResult.OutOfStock) selling.sell(Purchase.of("CP-502101", 4));
        var second = (SaleResult.OutOfStock) selling.sell(Purchase.of("CP-502101", 9));

        assertThat(second.replenishment().id()).isEqualTo(first.replenishment().id());
        assertThat(shop.replenishments.all()).hasSize(1);
        assertThat(shop.outbox.events()).hasSize(1);
    }

    @Test
    void a_sale_that_reaches_the_reorder_point_starts_a_replenishment_while_still_selling() {
        shop.with(aProduct("CP-502102", 6, 20, 5));

        var result = selling.sell(Purchase.of("CP-502102", 1));

        assertThat(result).isInstanceOf(SaleResult.Sold.class);
        assertThat(shop.openReplenishment("CP-502102").quantity().value()).isEqualTo(20);
        assertThat(shop.outbox.events()).hasSize(1);
    }

    @Test
    void an_unknown_product_is_answered_as_such_and_starts_nothing() {
        var result = selling.sell(Purchase.of("NO-SUCH", 1));

        assertThat(result).isEqualTo(new SaleResult.UnknownProduct(Sku.of("NO-SUCH")));
        assertThat(shop.replenishments.all()).isEmpty();
        assertThat(shop.outbox.events()).isEmpty();
    }

    @Test
    void a_sale_that_cannot_be_recorded_takes_nothing_off_the_shelf() {
        shop.sales.failNextWith(new IllegalStateException("database went away"));

        assertThatThrownBy(() -> selling.sell(Purchase.of("CP-502101", 3))).hasMessage("database went away");

        assertThat(shop.stock.stockOf("CP-502101")).isEqualTo(3);
        assertThat(shop.ledger.lines()).isEmpty();
        assertThat(shop.transactions.rolledBack()).isEqualTo(1);
    }
}
