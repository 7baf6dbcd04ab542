package io.donutstates.backorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.stock.Quantity;
import io.donutstates.stock.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Backorders} (with its {@link BackorderViews} and {@link BackorderPolicies}) must
 * do, run against the in-memory fake and the database adapter alike. Tests use products of their
 * own, so an implementation may keep its rows from one test to the next.
 */
public abstract class BackordersContract {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    protected abstract Backorders backorders();

    protected abstract BackorderViews views();

    protected abstract BackorderPolicies policies();

    private Backorder placed(String sku, int quantity) {
        return placed(sku, quantity, null, T0.plus(Duration.ofHours(24)));
    }

    private Backorder placed(String sku, int quantity, String key, Instant expiresAt) {
        return backorders().add(Backorder.waiting(BackorderId.random(), Sku.of(sku), Quantity.of(quantity),
                BackorderSecret.hash("secret"), "https://buyer.example/hook", key, T0, expiresAt));
    }

    @Test
    public void positions_rise_in_arrival_order_and_the_line_is_read_in_it() {
        var first = placed("LINE-1", 2);
        var second = placed("LINE-1", 1);
        placed("LINE-2", 5);
        var third = placed("LINE-1", 3);

        assertThat(second.position()).isGreaterThan(first.position());
        assertThat(third.position()).isGreaterThan(second.position());
        assertThat(backorders().lockWaiting(Sku.of("LINE-1"), 0, 10)).extracting(Backorder::id)
                .containsExactly(first.id(), second.id(), third.id());
        assertThat(backorders().lockWaiting(Sku.of("LINE-1"), first.position(), 1)).extracting(Backorder::id)
                .containsExactly(second.id());
        assertThat(backorders().waiting(Sku.of("LINE-1")))
                .isEqualTo(new WaitingDemand(Sku.of("LINE-1"), 3, 6, T0));
    }

    @Test
    public void a_backorder_is_kept_as_placed() {
        var placed = placed("KEEP-1", 4, "key-keep-1", T0.plusSeconds(60));

        var found = backorders().find(placed.id()).orElseThrow();
        assertThat(found).isEqualTo(placed);
        assertThat(views().find(placed.id())).contains(placed);
        assertThat(backorders().findByKey("key-keep-1")).contains(placed);
        assertThat(backorders().findByKey("key-other")).isEmpty();
    }

    @Test
    public void fulfilling_happens_once_and_names_the_sale_and_the_delivery() {
        var b = placed("FULFIL-1", 2);
        var delivery = ReplenishmentId.random();

        backorders().fulfil(List.of(new Fulfilment(b.id(), 42, delivery)), T0.plusSeconds(5));

        var fulfilled = backorders().find(b.id()).orElseThrow();
        assertThat(fulfilled.status()).isEqualTo(BackorderStatus.FULFILLED);
        assertThat(fulfilled.saleId()).isEqualTo(42L);
        assertThat(fulfilled.fulfilledBy()).isEqualTo(delivery);
        assertThat(fulfilled.endedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(views().servedBy(delivery)).isEqualTo(new BackorderViews.Served(1, 2));
        assertThatThrownBy(() -> backorders().fulfil(List.of(new Fulfilment(b.id(), 43, delivery)), T0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(backorders().end(b.id(), BackorderStatus.CANCELLED, T0)).as("fulfilled is final").isFalse();
        assertThat(backorders().waiting(Sku.of("FULFIL-1"))).isEqualTo(WaitingDemand.none(Sku.of("FULFIL-1")));
    }

    @Test
    public void a_cancel_or_an_expiry_ends_a_waiting_backorder_once() {
        var cancelled = placed("END-1", 1);
        var expired = placed("END-1", 1);

        assertThat(backorders().end(cancelled.id(), BackorderStatus.CANCELLED, T0)).isTrue();
        assertThat(backorders().end(cancelled.id(), BackorderStatus.EXPIRED, T0)).isFalse();
        assertThat(backorders().end(expired.id(), BackorderStatus.EXPIRED, T0)).isTrue();
        assertThat(backorders().end(expired.id(), BackorderStatus.CANCELLED, T0)).isFalse();

        assertThat(backorders().find(cancelled.id()).orElseThrow().status()).isEqualTo(BackorderStatus.CANCELLED);
        assertThat(backorders().find(expired.id()).orElseThrow().status()).isEqualTo(BackorderStatus.EXPIRED);
        assertThat(backorders().lockWaiting(Sku.of("END-1"), 0, 10)).isEmpty();
    }

    @Test
    public void only_waiting_backorders_past_their_time_are_due_to_expire() {
        var soon = placed("EXPIRE-1", 1, null, T0.plusSeconds(10));
        var later = placed("EXPIRE-1", 1, null, T0.plusSeconds(100));
        var ended = placed("EXPIRE-1", 1, null, T0.plusSeconds(5));
        backorders().end(ended.id(), BackorderStatus.CANCELLED, T0);

        assertThat(backorders().lockExpired(T0.plusSeconds(50), 10)).extracting(Backorder::id)
                .contains(soon.id()).doesNotContain(later.id(), ended.id());
    }

    @Test
    public void a_products_page_is_newest_first() {
        var a = placed("PAGE-1", 1);
        var b = placed("PAGE-1", 1);
        var c = placed("PAGE-1", 1);

        assertThat(views().page(Sku.of("PAGE-1"), null, 2)).extracting(Backorder::id).containsExactly(c.id(), b.id());
        assertThat(views().page(Sku.of("PAGE-1"), b.position(), 10)).extracting(Backorder::id).containsExactly(a.id());
    }

    @Test
    public void the_waiting_per_product_counts_only_the_waiting() {
        placed("BOARD-1", 2);
        var gone = placed("BOARD-1", 3);
        backorders().end(gone.id(), BackorderStatus.CANCELLED, T0);

        assertThat(views().waitingByProduct(1000)).filteredOn(w -> w.sku().value().equals("BOARD-1"))
                .singleElement().isEqualTo(new WaitingDemand(Sku.of("BOARD-1"), 1, 2, T0));
    }

    @Test
    public void the_waiting_of_several_products_is_read_at_once_leaving_out_those_without() {
        placed("MANY-1", 2);
        placed("MANY-1", 1);
        placed("MANY-2", 4);
        var gone = placed("MANY-3", 1);
        backorders().end(gone.id(), BackorderStatus.CANCELLED, T0);

        var waiting = views().waitingFor(List.of(Sku.of("MANY-1"), Sku.of("MANY-2"), Sku.of("MANY-3"),
                Sku.of("MANY-4")));

        assertThat(waiting).containsOnlyKeys(Sku.of("MANY-1"), Sku.of("MANY-2"));
        assertThat(waiting.get(Sku.of("MANY-1"))).isEqualTo(new WaitingDemand(Sku.of("MANY-1"), 2, 3, T0));
        assertThat(waiting.get(Sku.of("MANY-2"))).isEqualTo(new WaitingDemand(Sku.of("MANY-2"), 1, 4, T0));
        assertThat(views().waitingFor(List.of())).isEmpty();
    }

    @Test
    public void what_several_deliveries_fulfilled_is_read_at_once_leaving_out_those_that_served_none() {
        var first = ReplenishmentId.random();
        var second = ReplenishmentId.random();
        var none = ReplenishmentId.random();
        var a = placed("SERVED-1", 2);
        var b = placed("SERVED-1", 3);
        var c = placed("SERVED-1", 1);
        placed("SERVED-1", 5);
        backorders().fulfil(List.of(new Fulfilment(a.id(), 51, first), new Fulfilment(b.id(), 52, first)),
                T0.plusSeconds(1));
        backorders().fulfil(List.of(new Fulfilment(c.id(), 53, second)), T0.plusSeconds(2));

        var served = views().servedBy(List.of(first, second, none));

        assertThat(served).containsOnlyKeys(first, second);
        assertThat(served.get(first)).isEqualTo(new BackorderViews.Served(2, 5));
        assertThat(served.get(second)).isEqualTo(new BackorderViews.Served(1, 1));
        assertThat(views().servedBy(List.<ReplenishmentId>of())).isEmpty();
    }

    @Test
    public void a_products_policy_is_kept_and_replaced() {
        assertThat(policies().policyOf(Sku.of("POLICY-1"))).isEmpty();

        policies().set(Sku.of("POLICY-1"), new BackorderPolicy(Duration.ofHours(2), 500));
        policies().set(Sku.of("POLICY-1"), new BackorderPolicy(Duration.ofMinutes(90), 700));

        assertThat(policies().policyOf(Sku.of("POLICY-1"))).contains(new BackorderPolicy(Duration.ofMinutes(90), 700));
    }
}
