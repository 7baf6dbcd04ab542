package io.donutstates.housekeeping;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How big the shop's tables are, from the server's statistics ({@code information_schema.TABLES}
 * of the current schema): rows are InnoDB's estimate, bytes are data plus indexes. One small query
 * whatever the history, so it does not grow with the tables it measures.
 */
public class JdbcTableSizes {

    /** The tables watched: the books, which grow for good, and the hot tables housekeeping keeps bounded. */
    public static final List<String> TABLES =
            List.of("sale", "stock_movement", "outbox_event", "sale_receipt", "alert", "replenishment",
                    "backorder", "backorder_notice");

    /** One table's size. */
    public record TableSize(long rows, long bytes) { }

    private final JdbcClient jdbc;

    public JdbcTableSizes(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The size of each watched table, by name. */
    public Map<String, TableSize> read() {
        Map<String, TableSize> sizes = new TreeMap<>();
        jdbc.sql("""
                        SELECT TABLE_NAME AS name, COALESCE(TABLE_ROWS, 0) AS estimated_rows,
                               COALESCE(DATA_LENGTH, 0) + COALESCE(INDEX_LENGTH, 0) AS bytes
                        FROM information_schema.TABLES
                        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (:tables)
                        """)
                .param("tables", TABLES)
                .query(rs -> {
                    sizes.put(rs.getString("name").toLowerCase(java.util.Locale.ROOT),
                            new TableSize(rs.getLong("estimated_rows"), rs.getLong("bytes")));
                });
        return sizes;
    }
}
