package io.donutstates.sales;

import io.donutstates.shared.SqlTime;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Completed sales in MySQL/MariaDB. A batch of sales is one statement: on MariaDB (10.5+) a
 * multi-row {@code INSERT ... RETURNING id}, which hands back each row's id in one round trip;
 * elsewhere a JDBC batch, whose ids the driver reports row by row.
 */
public class JdbcSales implements Sales {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final DataSource dataSource;
    private volatile Boolean insertReturning;

    /** Uses {@code INSERT ... RETURNING} if the database turns out to be MariaDB 10.5 or later. */
    public JdbcSales(DataSource dataSource) {
        this(dataSource, null);
    }

    /** @param insertReturning whether to use {@code INSERT ... RETURNING}; null: ask the database */
    public JdbcSales(DataSource dataSource, Boolean insertReturning) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.dataSource = dataSource;
        this.insertReturning = insertReturning;
    }

    @Override
    public List<Long> recordAll(List<Purchase> purchases, Instant at) {
        var ids = returnsInsertedIds() ? insertReturningIds(purchases, at) : insertBatch(purchases, at);
        if (ids.size() != purchases.size()) {
            throw new IllegalStateException("expected " + purchases.size() + " sale ids, the database gave " + ids.size());
        }
        return ids;
    }

    private List<Long> insertReturningIds(List<Purchase> purchases, Instant at) {
        var utc = SqlTime.utc(at);
        return jdbc.sql("INSERT INTO sale (sku, quantity, sold_at) VALUES "
                        + String.join(", ", Collections.nCopies(purchases.size(), "(?, ?, ?)")) + " RETURNING id")
                .params(purchases.stream().<Object>mapMulti((p, out) -> {
                    out.accept(p.sku().value());
                    out.accept(p.quantity().value());
                    out.accept(utc);
                }).toList())
                .query(Long.class)
                .list();
    }

    private List<Long> insertBatch(List<Purchase> purchases, Instant at) {
        var keys = new GeneratedKeyHolder();
        var utc = SqlTime.utc(at);
        batch.batchUpdate(connection -> connection.prepareStatement(
                        "INSERT INTO sale (sku, quantity, sold_at) VALUES (?, ?, ?)", new String[]{"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setString(1, purchases.get(i).sku().value());
                        ps.setInt(2, purchases.get(i).quantity().value());
                        ps.setObject(3, utc);
                    }

                    @Override
                    public int getBatchSize() {
                        return purchases.size();
                    }
                }, keys);
        return keys.getKeyList().stream().map(row -> ((Number) row.values().iterator().next()).longValue()).toList();
    }

    /** Whether a batch is one {@code INSERT ... RETURNING id}; the first call may ask the database. */
    public boolean returnsInsertedIds() {
        Boolean known = insertReturning;
        if (known == null) {
            known = isMariaDb105OrLater();
            insertReturning = known;
        }
        return known;
    }

    private boolean isMariaDb105OrLater() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            int major = database.getDatabaseMajorVersion();
            return database.getDatabaseProductName().equalsIgnoreCase("MariaDB")
                    && (major > 10 || (major == 10 && database.getDatabaseMinorVersion() >= 5));
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask the database for its version", e);
        }
    }

    @Override
    public long record(Purchase purchase, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sale (sku, quantity, sold_at) VALUES (:sku, :quantity, :at)")
                .param("sku", purchase.sku().value())
                .param("quantity", purchase.quantity().value())
                .param("at", SqlTime.utc(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
