package io.donutstates.sales;

import io.donutstates.shared.SqlTime;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Completed sales in MySQL/MariaDB. */
public class JdbcSales implements Sales {

    private final JdbcClient jdbc;

    public JdbcSales(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
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
