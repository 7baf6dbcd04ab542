package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.donutstates.sales.JdbcSales;
import io.donutstates.sales.Purchase;
import io.donutstates.shared.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A combined sale writes its buyers' sales in one statement and answers each buyer with the id of
 * its own row: with {@code INSERT ... RETURNING} on MariaDB, and with a JDBC batch elsewhere.
 */
class SaleIdsTest {

    private static com.zaxxer.hikari.HikariDataSource database;

    @BeforeAll
    static void openDatabase() {
        database = Database.open(new Database.Settings(SharedMariaDb.freshDatabaseUrl(), SharedMariaDb.USER, SharedMariaDb.password(), 4,
                Duration.ofSeconds(10)));
        Database.migrate(database, true);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @ParameterizedTest(name = "INSERT ... RETURNING: {0}")
    @ValueSource(booleans = {true, false})
    void each_purchase_of_a_batch_gets_the_id_of_its_own_row(boolean insertReturning) {
        var sales = new JdbcSales(database, insertReturning);
        List<Purchase> purchases = IntStream.rangeClosed(1, 40)
                .mapToObj(quantity -> Purchase.of(TestShop.SKU, quantity)).toList();

        List<Long> ids = sales.recordAll(purchases, Instant.now());

        assertThat(ids).hasSize(purchases.size()).doesNotHaveDuplicates();
        var jdbc = JdbcClient.create(database);
        for (int i = 0; i < ids.size(); i++) {
            Integer quantity = jdbc.sql("SELECT quantity FROM sale WHERE id = ?").param(ids.get(i))
                    .query(Integer.class).single();
            assertThat(quantity).as("row of sale id %d", ids.get(i)).isEqualTo(purchases.get(i).quantity().value());
        }
    }

    @Test
    void on_mariadb_the_ids_come_back_from_the_insert_itself() {
        assertThat(new JdbcSales(database).returnsInsertedIds()).isTrue();
    }
}
