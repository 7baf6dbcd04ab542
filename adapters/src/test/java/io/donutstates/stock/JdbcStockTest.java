package io.donutstates.stock;

import static io.donutstates.shared.TestDatabase.aProductInSlots;
import static io.donutstates.shared.TestDatabase.aProductWithStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.shared.SpringJdbcTransactions;
import io.donutstates.shared.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The warehouse's conditional statements, slot by slot, against a real MariaDB. */
class JdbcStockTest {

    private static HikariDataSource database;
    private static JdbcStock stock;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.fresh();
        stock = new JdbcStock(database);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void a_take_from_a_slot_is_all_or_nothing_and_never_below_zero() {
        aProductWithStock(database, "TAKE-1", 3);

        assertThat(stock.take(Sku.of("TAKE-1"), 0, 2)).isTrue();
        assertThat(stock.take(Sku.of("TAKE-1"), 0, 2)).isFalse();
        assertThat(stock.find(Sku.of("TAKE-1")).orElseThrow().stock()).isEqualTo(1);
        assertThat(stock.take(Sku.of("TAKE-1"), 0, 1)).isTrue();
        assertThat(stock.find(Sku.of("TAKE-1")).orElseThrow().stock()).isZero();
        assertThat(stock.take(Sku.of("TAKE-1"), 1, 1)).as("a slot that does not exist").isFalse();
        assertThat(stock.take(Sku.of("NO-SUCH"), 0, 1)).isFalse();
    }

    @Test
    void the_stock_shown_is_the_sum_of_the_slots() {
        aProductInSlots(database, "SUM-1", 3, 0, 5, 2);

        assertThat(stock.find(Sku.of("SUM-1")).orElseThrow().stock()).isEqualTo(10);
        assertThat(stock.all()).filteredOn(p -> p.sku().value().equals("SUM-1"))
                .singleElement().satisfies(p -> {
                    assertThat(p.stock()).isEqualTo(10);
                    assertThat(p.slots()).isEqualTo(4);
                });
        var shelf = stock.look(Sku.of("SUM-1")).orElseThrow();
        assertThat(shelf.levels()).containsExactly(3, 0, 5, 2);
        assertThat(shelf.product().stock()).isEqualTo(10);
        assertThat(stock.look(Sku.of("NO-SUCH"))).isEmpty();
    }

    @Test
    void buyers_taking_from_slots_at_once_get_each_donut_exactly_once() throws Exception {
        aProductInSlots(database, "CROWD-1", 13, 12, 13, 12);
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        List<Future<Integer>> buyers = new ArrayList<>();
        for (int buyer = 0; buyer < 8; buyer++) {
            int slot = buyer % 4;
            buyers.add(pool.submit(() -> {
                start.await();
                int got = 0;
                for (int attempt = 0; attempt < 10; attempt++) {
                    got += stock.take(Sku.of("CROWD-1"), slot, 1) ? 1 : 0;
                }
                return got;
            }));
        }
        start.countDown();
        int taken = 0;
        for (var buyer : buyers) {
            taken += buyer.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(taken).as("80 attempts on 50 donuts in 4 slots").isEqualTo(50);
        assertThat(stock.look(Sku.of("CROWD-1")).orElseThrow().levels()).containsOnly(0);
    }

    @Test
    void a_change_that_would_leave_a_slot_below_zero_changes_nothing() {
        aProductInSlots(database, "CHANGE-1", 2, 4);

        assertThatThrownBy(() -> stock.change(Sku.of("CHANGE-1"), new SlotChange(0, -3, 0)))
                .isInstanceOf(IllegalStateException.class);
        stock.change(Sku.of("CHANGE-1"), new SlotChange(0, -2, 0));
        stock.change(Sku.of("CHANGE-1"), new SlotChange(1, 6, 10));

        assertThat(stock.look(Sku.of("CHANGE-1")).orElseThrow().levels()).containsExactly(0, 10);
    }

    @Test
    void a_lock_creates_the_slots_the_policy_puts_in_use() {
        aProductWithStock(database, "LOCK-1", 4);
        var transactions = new SpringJdbcTransactions(database);

        var shelf = transactions.inTransaction(() -> {
            stock.changePolicy(Sku.of("LOCK-1"), new ReorderPolicy(10, 0), 3);
            return stock.lock(Sku.of("LOCK-1")).orElseThrow();
        });

        assertThat(shelf.levels()).containsExactly(4, 0, 0);
        assertThat(shelf.product().slots()).isEqualTo(3);
        assertThat(stock.look(Sku.of("LOCK-1")).orElseThrow().levels()).containsExactly(4, 0, 0);
        assertThat(transactions.inTransaction(() -> stock.lock(Sku.of("NO-SUCH")))).isEmpty();
    }

    @Test
    void a_policy_change_reaches_the_product_and_is_refused_for_an_unknown_one() {
        aProductWithStock(database, "POLICY-1", 4);

        assertThat(stock.changePolicy(Sku.of("POLICY-1"), new ReorderPolicy(25, 5), 1)).isTrue();
        assertThat(stock.changePolicy(Sku.of("POLICY-1"), new ReorderPolicy(25, 5), 1)).as("unchanged, still known").isTrue();
        assertThat(stock.changePolicy(Sku.of("NO-SUCH"), new ReorderPolicy(25, 5), 1)).isFalse();
        assertThatThrownBy(() -> stock.changePolicy(Sku.of("POLICY-1"), new ReorderPolicy(25, 5), 65))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slots must be between 1 and 64");

        var product = stock.find(Sku.of("POLICY-1")).orElseThrow();
        assertThat(product.reorderQuantity()).isEqualTo(25);
        assertThat(product.reorderPoint()).isEqualTo(5);
        assertThat(product.factoryId().value()).isEqualTo("FF-500293");
    }
}
