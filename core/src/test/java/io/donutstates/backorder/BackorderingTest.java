package io.donutstates.backorder;

import static io.donutstates.stock.Products.aProduct;
import static io.donutstates.stock.Products.aProductWithStock;
import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.sales.Purchase;
import io.donutstates.sales.SaleResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A buyer who will wait is sold to when the shelf can, and joins the product's line when it cannot. */
class BackorderingTest {

    private final ABackorderShop shop = new ABackorderShop().with(aProductWithStock("CP-1", 1));

    @Test
    void a_buyer_the_shelf_can_serve_is_simply_sold_to() {
        var outcome = shop.buyWaiting("CP-1", 1);

        assertThat(outcome).isInstanceOfSatisfying(Backordering.Sale.class,
                sale -> assertThat(sale.result()).isInstanceOf(SaleResult.Sold.class));
        assertThat(shop.backorders.all()).isEmpty();
    }

    @Test
    void a_refused_buyer_who_will_wait_gets_a_place_in_line_a_secret_and_the_replenishment() {
        shop.buyWaiting("CP-1", 1);

        var first = shop.backordered("CP-1", 2, "https://buyer.example/hook");
        var second = shop.backordered("CP-1", 1, null);

        assertThat(first.backorder().status()).isEqualTo(BackorderStatus.WAITING);
        assertThat(first.backorder().quantity().value()).isEqualTo(2);
        assertThat(second.backorder().position()).isGreaterThan(first.backorder().position());
        assertThat(first.secret()).isNotBlank();
        assertThat(first.backorder().secretHash()).isEqualTo(BackorderSecret.hash(first.secret()))
                .isNotEqualTo(first.secret());
        assertThat(first.backorder().expiresAt()).isEqualTo(shop.clock.instant().plus(Duration.ofHours(24)));
        assertThat(first.replenishment()).isEqualTo(shop.openReplenishment("CP-1"));
        assertThat(shop.replenishments.all()).hasSize(1);
    }

    @Test
    void a_product_of_its_own_rules_expires_its_backorders_after_its_own_time() {
        shop.backorders.set(io.donutstates.stock.Sku.of("CP-1"), new BackorderPolicy(Duration.ofHours(2), 100));
        shop.buyWaiting("CP-1", 1);

        var waiting = shop.backordered("CP-1", 1, null);

        assertThat(waiting.backorder().expiresAt()).isEqualTo(shop.clock.instant().plus(Duration.ofHours(2)));
    }

    @Test
    void a_retry_under_the_same_key_finds_the_same_backorder_without_its_secret() {
        shop.buyWaiting("CP-1", 1);
        var purchase = Purchase.of("CP-1", 1);

        var first = (Backordering.Backordered) shop.backordering.sell(purchase, new BackorderRequest(null), "key-1");
        var retry = (Backordering.Backordered) shop.backordering.sell(purchase, new BackorderRequest(null), "key-1");

        assertThat(retry.backorder().id()).isEqualTo(first.backorder().id());
        assertThat(retry.secret()).isNull();
        assertThat(shop.backorders.all()).hasSize(1);
    }

    @Test
    void an_unknown_product_is_no_backorder() {
        var outcome = shop.buyWaiting("NOPE-1", 1);

        assertThat(outcome).isEqualTo(new Backordering.Sale(new SaleResult.UnknownProduct(io.donutstates.stock.Sku.of("NOPE-1"))));
    }

    @Test
    void a_backorder_placed_while_the_shelf_holds_stock_again_is_served_from_it_in_turn() {
        var shop = new ABackorderShop().with(aProduct("CP-2", 0, 10, 0));
        var waiting = shop.backordered("CP-2", 1, null);
        // Stock came back behind the line's back (as an adjustment would put it).
        shop.stock.withSlots("CP-2", 1);

        var next = shop.backordered("CP-2", 2, null);

        assertThat(shop.backorders.find(waiting.backorder().id()).orElseThrow().status())
                .as("the first in line gets it").isEqualTo(BackorderStatus.FULFILLED);
        assertThat(next.backorder().status()).isEqualTo(BackorderStatus.WAITING);
        assertThat(shop.stock.stockOf("CP-2")).isZero();
    }
}
