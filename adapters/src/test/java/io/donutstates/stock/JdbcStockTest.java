package io.donutstates.stock;

import static io.donutstates.shared.TestDatabase.aProductWithStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
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

/** The warehouse's conditional statements against a real MariaDB. */
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
    void a_take_is_all_or_nothing_and_never_below_zero() {
        aProductWithStock(database, "TAKE-1", 3);

        assertThat(stock.take(Sku.of("TAKE-1"), Quantity.of(2))).hasValueSatisfying(p -> assertThat(p.stock()).isEqualTo(1));
        assertThat(stock.take(Sku.of("TAKE-1"), Quantity.of(2))).isEmpty();
        assertThat(stock.find(Sku.of("TAKE-1")).orElseThrow().stock()).isEqualTo(1);
        assertThat(stock.take(Sku.of("TAKE-1"), Quantity.of(1))).hasValueSatisfying(p -> assertThat(p.stock()).isZero());
        assertThat(stock.take(Sku.of("NO-SUCH"), Quantity.of(1))).isEmpty();
    }

    @Test
    void buyers_taking_at_once_get_each_donut_exactly_once() throws Exception {
        aProductWithStock(database, "CROWD-1", 50);
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        List<Future<Integer>> buyers = new ArrayList<>();
        for (int buyer = 0; buyer < 8; buyer++) {
            buyers.add(pool.submit(() -> {
                start.await();
                int got = 0;
                for (int attempt = 0; attempt < 10; attempt++) {
                    got += stock.take(Sku.of("CROWD-1"), Quantity.of(1)).isPresent() ? 1 : 0;
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

        assertThat(taken).as("80 attempts on 50 donuts").isEqualTo(50);
        assertThat(stock.find(Sku.of("CROWD-1")).orElseThrow().stock()).isZero();
    }

    @Test
    void removing_more_than_the_row_holds_changes_nothing() {
        aProductWithStock(database, "REMOVE-1", 2);

        assertThatThrownBy(() -> stock.remove(Sku.of("REMOVE-1"), 3)).isInstanceOf(IllegalStateException.class);
        stock.remove(Sku.of("REMOVE-1"), 2);

        assertThat(stock.find(Sku.of("REMOVE-1")).orElseThrow().stock()).isZero();
    }

    @Test
    void a_delivery_adds_and_a_count_replaces_the_stock() {
        aProductWithStock(database, "ADD-1", 4);

        assertThat(stock.add(Sku.of("ADD-1"), Quantity.of(6))).isEqualTo(10);
        assertThat(stock.replace(Sku.of("ADD-1"), 7)).contains(10);
        assertThat(stock.find(Sku.of("ADD-1")).orElseThrow().stock()).isEqualTo(7);
        assertThat(stock.replace(Sku.of("NO-SUCH"), 7)).isEmpty();
    }

    @Test
    void a_policy_change_reaches_the_product_and_is_refused_for_an_unknown_one() {
        aProductWithStock(database, "POLICY-1", 4);

        assertThat(stock.changePolicy(Sku.of("POLICY-1"), new ReorderPolicy(25, 5))).isTrue();
        assertThat(stock.changePolicy(Sku.of("POLICY-1"), new ReorderPolicy(25, 5))).as("unchanged, still known").isTrue();
        assertThat(stock.changePolicy(Sku.of("NO-SUCH"), new ReorderPolicy(25, 5))).isFalse();

        var product = stock.lockForSale(Sku.of("POLICY-1")).orElseThrow();
        assertThat(product.reorderQuantity()).isEqualTo(25);
        assertThat(product.reorderPoint()).isEqualTo(5);
        assertThat(product.factoryId().value()).isEqualTo("FF-500293");
    }
}
