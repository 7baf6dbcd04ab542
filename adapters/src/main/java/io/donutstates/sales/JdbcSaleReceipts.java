package io.donutstates.sales;

import io.donutstates.replenishment.ReplenishmentId;
import io.donutstates.replenishment.ReplenishmentViews;
import io.donutstates.shared.SqlTime;
import io.donutstates.stock.Sku;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency receipts in MySQL/MariaDB; the primary key makes a second claim of a key wait, then fail. */
public class JdbcSaleReceipts implements SaleReceipts {

    private final JdbcClient jdbc;
    private final ReplenishmentViews replenishments;

    public JdbcSaleReceipts(DataSource dataSource, ReplenishmentViews replenishments) {
        this.jdbc = JdbcClient.create(dataSource);
        this.replenishments = replenishments;
    }

    @Override
    public boolean claim(String key, String fingerprint, Instant at) {
        return jdbc.sql("""
                        INSERT IGNORE INTO sale_receipt (idempotency_key, fingerprint, created_at)
                        VALUES (:key, :fingerprint, :at)
                        """)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("at", SqlTime.utc(at))
                .update() == 1;
    }

    @Override
    public void complete(String key, SaleResult result) {
        var row = Row.of(result);
        jdbc.sql("""
                        UPDATE sale_receipt SET outcome = :outcome, sale_id = :saleId, sku = :sku,
                               quantity = :quantity, stock_figure = :stock, replenishment_id = :replenishment
                        WHERE idempotency_key = :key
                        """)
                .param("outcome", row.outcome())
                .param("saleId", row.saleId())
                .param("sku", row.sku())
                .param("quantity", row.quantity())
                .param("stock", row.stock())
                .param("replenishment", row.replenishment())
                .param("key", key)
                .update();
    }

    @Override
    public Optional<Receipt> find(String key) {
        return jdbc.sql("SELECT * FROM sale_receipt WHERE idempotency_key = :key")
                .param("key", key)
                .query(this::receipt)
                .optional();
    }

    private Receipt receipt(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        Sku sku = rs.getString("sku") == null ? null : new Sku(rs.getString("sku"));
        SaleResult result = switch (outcome) {
            case "SOLD" -> new SaleResult.Sold(rs.getLong("sale_id"), sku, rs.getInt("quantity"),
                    rs.getInt("stock_figure"));
            case "OUT_OF_STOCK" -> new SaleResult.OutOfStock(sku, rs.getInt("quantity"), rs.getInt("stock_figure"),
                    replenishments.find(ReplenishmentId.parse(rs.getString("replenishment_id"))).orElseThrow());
            case "UNKNOWN_PRODUCT" -> new SaleResult.UnknownProduct(sku);
            default -> throw new IllegalStateException("unexpected receipt outcome " + outcome);
        };
        return new Receipt(rs.getString("fingerprint"), result);
    }

    private record Row(String outcome, Long saleId, String sku, Integer quantity, Integer stock, String replenishment) {
        static Row of(SaleResult result) {
            if (result instanceof SaleResult.Sold s) {
                return new Row("SOLD", s.saleId(), s.sku().value(), s.quantity(), s.remainingStock(), null);
            }
            if (result instanceof SaleResult.OutOfStock o) {
                return new Row("OUT_OF_STOCK", null, o.sku().value(), o.requested(), o.available(),
                        o.replenishment().id().toString());
            }
            if (result instanceof SaleResult.UnknownProduct u) {
                return new Row("UNKNOWN_PRODUCT", null, u.sku().value(), null, null, null);
            }
            throw new IllegalArgumentException("no receipt is kept for " + result);
        }
    }
}
