package io.donutstates.stock;

import io.donutstates.shared.SqlTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stock ledger as an append-only table. */
public class JdbcStockLedger implements StockLedger {

    private final JdbcClient jdbc;

    public JdbcStockLedger(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void append(StockMovement movement) {
        jdbc.sql("""
                        INSERT INTO stock_movement (sku, slot, change_qty, balance_after, reason, reference, moved_at)
                        VALUES (:sku, :slot, :change, :balance, :reason, :reference, :at)
                        """)
                .param("sku", movement.sku().value())
                .param("slot", movement.slot())
                .param("change", movement.change())
                .param("balance", movement.balanceAfter())
                .param("reason", movement.reason().name())
                .param("reference", movement.reference())
                .param("at", SqlTime.utc(movement.at()))
                .update();
    }

    @Override
    public void appendAll(List<StockMovement> movements) {
        if (movements.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO stock_movement (sku, slot, change_qty, balance_after, reason, reference, moved_at) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(movements.size(), "(?, ?, ?, ?, ?, ?, ?)")))
                .params(movements.stream().<Object>mapMulti((m, out) -> {
                    out.accept(m.sku().value());
                    out.accept(m.slot());
                    out.accept(m.change());
                    out.accept(m.balanceAfter());
                    out.accept(m.reason().name());
                    out.accept(m.reference());
                    out.accept(SqlTime.utc(m.at()));
                }).toList())
                .update();
    }

    @Override
    public List<StockMovement> history(Sku sku, int limit) {
        return jdbc.sql("""
                        SELECT sku, slot, change_qty, balance_after, reason, reference, moved_at
                        FROM stock_movement FORCE INDEX (stock_movement_by_sku)
                        WHERE sku = :sku ORDER BY id DESC LIMIT :limit
                        """)
                .param("sku", sku.value())
                .param("limit", limit)
                .query((rs, row) -> new StockMovement(new Sku(rs.getString("sku")), rs.getInt("slot"), rs.getInt("change_qty"), rs.getInt("balance_after"),
                        StockMovement.Reason.valueOf(rs.getString("reason")), rs.getString("reference"),
                        SqlTime.read(rs, "moved_at")))
                .list();
    }
}
