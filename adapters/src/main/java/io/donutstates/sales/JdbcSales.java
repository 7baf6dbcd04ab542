package io.donutstates.sales;

import io.donutstates.shared.SqlTime;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Completed sales in MySQL/MariaDB. */
public class JdbcSales implements Sales {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    public JdbcSales(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    }

    @Override
    public java.util.List<Long> recordAll(java.util.List<Purchase> purchases, Instant at) {
        // One JDBC batch; the driver reports every generated id, in order.
        var keys = new GeneratedKeyHolder();
        var utc = SqlTime.utc(at);
        batch.batchUpdate(connection -> connection.prepareStatement(
                        "INSERT INTO sale (sku, quantity, sold_at) VALUES (?, ?, ?)", new String[]{"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                        ps.setString(1, purchases.get(i).sku().value());
                        ps.setInt(2, purchases.get(i).quantity().value());
                        ps.setObject(3, utc);
                    }

                    @Override
                    public int getBatchSize() {
                        return purchases.size();
                    }
                }, keys);
        var ids = keys.getKeyList().stream().map(row -> ((Number) row.values().iterator().next()).longValue()).toList();
        if (ids.size() != purchases.size()) {
            throw new IllegalStateException("expected " + purchases.size() + " sale ids, the database gave " + ids.size());
        }
        return ids;
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
