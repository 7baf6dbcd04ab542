package io.donutstates.backorder;

import com.zaxxer.hikari.HikariDataSource;
import io.donutstates.shared.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The backorders contract against a real MariaDB: every status change is one conditional UPDATE. */
class JdbcBackordersTest extends BackordersContract {

    private static HikariDataSource database;
    private static JdbcBackorders backorders;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.fresh();
        backorders = new JdbcBackorders(database);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected Backorders backorders() {
        return backorders;
    }

    @Override
    protected BackorderViews views() {
        return backorders;
    }

    @Override
    protected BackorderPolicies policies() {
        return backorders;
    }
}
