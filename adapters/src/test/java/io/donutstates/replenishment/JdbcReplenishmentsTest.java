package io.donutstates.replenishment;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.shared.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The replenishments contract against a real MariaDB: every status change is one conditional UPDATE. */
class JdbcReplenishmentsTest extends ReplenishmentsContract {

    private static HikariDataSource database;
    private static JdbcReplenishments replenishments;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.fresh();
        replenishments = new JdbcReplenishments(database);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected Replenishments replenishments() {
        return replenishments;
    }

    @Override
    protected ReplenishmentViews views() {
        return replenishments;
    }
}
