package io.donutstates.replenishment;

import static io.donutstates.stock.Products.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.messaging.InMemoryOutbox;
import io.donutstates.shared.TestClock;
import io.donutstates.stock.Product;
import io.donutstates.stock.Quantity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A product that ran short has exactly one replenishment under way, and its event is written once. */
class StartingReplenishmentTest {

    private static final Product GLAZED = aProduct("CP-502102", 0, 20, 5);

    private final InMemoryReplenishments replenishments = new InMemoryReplenishments();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final TestClock clock = new TestClock();
    private final StartingReplenishment starting = new StartingReplenishment(replenishments, outbox, clock);

    @Test
    void a_product_without_an_open_replenishment_gets_one_with_its_event() {
        var started = starting.ensureUnderWay(GLAZED);

        assertThat(started.status()).isEqualTo(ReplenishmentStatus.REQUESTED);
        assertThat(started.quantity()).isEqualTo(Quantity.of(20));
        assertThat(started.factoryId()).isEqualTo(GLAZED.factoryId());
        assertThat(started.requestedAt()).isEqualTo(clock.instant());
        assertThat(outbox.events()).singleElement().isInstanceOfSatisfying(StockRanOut.class, event -> {
            assertThat(event.replenishmentId()).isEqualTo(started.id());
            assertThat(event.quantity()).isEqualTo(Quantity.of(20));
        });
    }

    @Test
    void a_product_with_one_open_gets_that_one_and_no_second_event() {
        var first = starting.ensureUnderWay(GLAZED);

        var again = starting.ensureUnderWay(GLAZED);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(replenishments.all()).hasSize(1);
        assertThat(outbox.events()).hasSize(1);
    }

    @Test
    void a_buyer_who_loses_the_race_to_open_one_is_named_the_winners() {
        var winner = Replenishment.requested(ReplenishmentId.random(), GLAZED.sku(), GLAZED.factoryId(),
                Quantity.of(20), clock.instant());
        var racing = new StartingReplenishment(new OpensBetweenLookAndInsert(replenishments, winner), outbox, clock);

        var named = racing.ensureUnderWay(GLAZED);

        assertThat(named.id()).isEqualTo(winner.id());
        assertThat(replenishments.all()).hasSize(1);
        assertThat(outbox.events()).as("the loser writes no event").isEmpty();
    }

    @Test
    void a_delivered_replenishment_is_no_longer_under_way_so_a_new_one_starts() {
        var first = starting.ensureUnderWay(GLAZED);
        replenishments.markDelivered(first.id(), Quantity.of(20), clock.instant());

        var second = starting.ensureUnderWay(GLAZED);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(outbox.events()).hasSize(2);
    }

    /** Another buyer's transaction opens the product's replenishment after this one looked and found none. */
    private static final class OpensBetweenLookAndInsert extends DelegatingReplenishments {
        private final Replenishment theirs;
        private boolean looked;

        OpensBetweenLookAndInsert(Replenishments delegate, Replenishment theirs) {
            super(delegate);
            this.theirs = theirs;
        }

        @Override
        public Optional<Replenishment> openFor(io.donutstates.stock.Sku sku) {
            var found = super.openFor(sku);
            if (!looked) {
                looked = true;
                super.open(theirs);
            }
            return found;
        }
    }
}
