package io.donutstates.sales;

import static io.donutstates.stock.Products.aProductWithStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A purchase retried under its idempotency key sells at most once and gets the first answer again. */
class SellingOnceTest {

    private final AShop shop = new AShop().with(aProductWithStock("CP-502101", 3));
    private final SellingOnce sellingOnce = shop.sellingOnce();

    @Test
    void a_retried_purchase_sells_once_and_gets_the_first_answer() {
        var first = sellingOnce.sell("order-1", Purchase.of("CP-502101", 2));
        var retried = sellingOnce.sell("order-1", Purchase.of("CP-502101", 2));

        assertThat(first).isInstanceOf(SaleResult.Sold.class);
        assertThat(retried).isEqualTo(first);
        assertThat(shop.stock.stockOf("CP-502101")).isEqualTo(1);
        assertThat(shop.sales.recorded()).hasSize(1);
    }

    @Test
    void a_key_reused_for_another_purchase_sells_nothing() {
        sellingOnce.sell("order-1", Purchase.of("CP-502101", 1));

        var reused = sellingOnce.sell("order-1", Purchase.of("CP-502101", 2));

        assertThat(reused).isEqualTo(new SaleResult.KeyReused("order-1"));
        assertThat(shop.stock.stockOf("CP-502101")).isEqualTo(2);
    }

    @Test
    void a_refused_order_is_answered_the_same_when_retried_even_after_a_restock() {
        var refused = sellingOnce.sell("order-1", Purchase.of("CP-502101", 5));
        shop.stock.withSlots("CP-502101", 50);

        var retried = sellingOnce.sell("order-1", Purchase.of("CP-502101", 5));

        assertThat(refused).isInstanceOf(SaleResult.OutOfStock.class);
        assertThat(retried).isEqualTo(refused);
        assertThat(shop.stock.stockOf("CP-502101")).isEqualTo(50);
    }

    @Test
    void a_purchase_that_failed_leaves_its_key_free_for_the_retry() {
        shop.sales.failNextWith(new IllegalStateException("database went away"));
        assertThatThrownBy(() -> sellingOnce.sell("order-1", Purchase.of("CP-502101", 1)))
                .hasMessage("database went away");

        var retried = sellingOnce.sell("order-1", Purchase.of("CP-502101", 1));

        assertThat(retried).isInstanceOf(SaleResult.Sold.class);
        assertThat(shop.stock.stockOf("CP-502101")).isEqualTo(2);
    }

    @Test
    void a_key_must_be_visible_ascii_of_at_most_a_hundred_characters() {
        for (String bad : new String[] {null, "", " ", "with space", "ключ", "x".repeat(101)}) {
            assertThatThrownBy(() -> sellingOnce.sell(bad, Purchase.of("CP-502101", 1))).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Idempotency-Key");
        }
        assertThat(SellingOnce.validKey("x".repeat(100))).hasSize(100);
        assertThat(shop.sales.recorded()).isEmpty();
    }
}
