package io.donutstates.backorder;

import static io.donutstates.stock.Products.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A backorder ends by its buyer's cancel (with the secret) or when its time runs out, and frees its place. */
class EndingBackordersTest {

    private final ABackorderShop shop = new ABackorderShop().with(aProduct("CP-1", 0, 10, 0));

    @Test
    void the_buyer_cancels_with_the_secret_and_the_next_in_line_is_served_instead() {
        var cancelled = shop.backordered("CP-1", 5, null);
        var next = shop.backordered("CP-1", 5, null);

        var result = shop.cancelling.cancel(cancelled.backorder().id(), cancelled.secret());
        shop.deliver(shop.openReplenishment("CP-1"), 5);

        assertThat(result).isInstanceOfSatisfying(CancellingBackorder.Cancelled.class,
                c -> assertThat(c.backorder().status()).isEqualTo(BackorderStatus.CANCELLED));
        assertThat(shop.backorders.find(next.backorder().id()).orElseThrow().status())
                .isEqualTo(BackorderStatus.FULFILLED);
    }

    @Test
    void a_wrong_secret_is_told_apart_from_nothing_and_changes_nothing() {
        var waiting = shop.backordered("CP-1", 1, null);

        assertThat(shop.cancelling.cancel(waiting.backorder().id(), "not-the-secret"))
                .isInstanceOf(CancellingBackorder.NotFound.class);
        assertThat(shop.cancelling.cancel(BackorderId.random(), waiting.secret()))
                .isInstanceOf(CancellingBackorder.NotFound.class);
        assertThat(shop.backorders.find(waiting.backorder().id()).orElseThrow().isWaiting()).isTrue();
    }

    @Test
    void a_fulfilled_backorder_cannot_be_cancelled() {
        var waiting = shop.backordered("CP-1", 1, null);
        shop.deliver(shop.openReplenishment("CP-1"), 10);

        assertThat(shop.cancelling.cancel(waiting.backorder().id(), waiting.secret()))
                .isInstanceOfSatisfying(CancellingBackorder.NotWaiting.class,
                        n -> assertThat(n.backorder().status()).isEqualTo(BackorderStatus.FULFILLED));
    }

    @Test
    void waiting_backorders_expire_after_their_time_in_batches_and_their_buyers_are_told() {
        for (int i = 0; i < 5; i++) {
            shop.backordered("CP-1", 1, "https://buyer.example/" + i);
        }
        shop.clock.advance(Duration.ofHours(23));
        assertThat(shop.expiring.expireDue()).isZero();

        shop.clock.advance(Duration.ofHours(1));

        assertThat(shop.expiring.expireDue()).isEqualTo(5);
        assertThat(shop.backorders.all()).allSatisfy(b -> assertThat(b.status()).isEqualTo(BackorderStatus.EXPIRED));
        assertThat(shop.notices.appended()).hasSize(5)
                .allSatisfy(n -> assertThat(n.status()).isEqualTo(BackorderStatus.EXPIRED));
        shop.deliver(shop.openReplenishment("CP-1"), 10);
        assertThat(shop.stock.stockOf("CP-1")).as("an expired place is freed: all goes to the shelf").isEqualTo(10);
    }
}
