package io.donutstates.stock;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the warehouse against its ledger: every product's stock equals the sum of its movements,
 * and replaying the ledger in order never goes below zero (no sale was ever beyond stock).
 */
public class JdbcStockAudit {

    /** What the audit found for one product. */
    public record ProductAudit(String sku, int stock, long ledgerSum, long lowestBalance) {
        public boolean holds() {
            return stock >= 0 && stock == ledgerSum && lowestBalance >= 0;
        }
    }

    /** The audit of the whole warehouse. */
    public record Report(boolean holds, List<ProductAudit> products) { }

    private final JdbcClient jdbc;

    public JdbcStockAudit(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public Report audit() {
        List<ProductAudit> products = jdbc.sql("""
                        SELECT p.sku, p.stock, COALESCE(l.ledger_sum, 0) AS ledger_sum,
                               COALESCE(l.lowest_balance, 0) AS lowest_balance
                        FROM product p LEFT JOIN (
                            SELECT sku, SUM(change_qty) AS ledger_sum, MIN(balance) AS lowest_balance
                            FROM (SELECT sku, change_qty,
                                         SUM(change_qty) OVER (PARTITION BY sku ORDER BY id) AS balance
                                  FROM stock_movement) running
                            GROUP BY sku) l ON l.sku = p.sku
                        ORDER BY p.sku
                        """)
                .query((rs, row) -> new ProductAudit(rs.getString("sku"), rs.getInt("stock"),
                        rs.getLong("ledger_sum"), rs.getLong("lowest_balance")))
                .list();
        return new Report(products.stream().allMatch(ProductAudit::holds), products);
    }
}
