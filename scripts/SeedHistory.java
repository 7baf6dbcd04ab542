import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds a long history into a Donut-States database in bulk SQL, for the soak: for every product,
 * {@code lines / products} ledger lines that follow from each other (ten sales of one donut, then a
 * delivery of ten, over and over, spread over the past 90 days), a sale row per sale line, and a
 * delivered replenishment with its published outbox event per delivery line. The shelf is set to the
 * newest line's balance, so the audit holds. Run with the all-in-one's libraries on the class path:
 *
 *   java -cp 'all-in-one/target/lib/*' scripts/SeedHistory.java JDBC_URL USER PASSWORD LINES
 */
public class SeedHistory {

    /** Rows per statement: one statement is one transaction, so it stays well inside the undo log. */
    private static final int CHUNK = 500_000;
    private static final long SPREAD_SECONDS = 90L * 24 * 3600;

    public static void main(String[] args) throws SQLException {
        if (args.length != 4) {
            System.err.println("usage: SeedHistory JDBC_URL USER PASSWORD LINES");
            System.exit(2);
        }
        long lines = Long.parseLong(args[3]);
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            List<String> skus = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT sku FROM product ORDER BY sku")) {
                while (rs.next()) {
                    skus.add(rs.getString(1));
                }
            }
            long perProduct = lines / skus.size();
            long started = System.nanoTime();
            long done = 0;
            for (String sku : skus) {
                // One line that brings the shelf to 10, then blocks of 11 lines: sales of one from 9 down
                // to 0, and a delivery of 10. Every balance follows from the one before.
                update(db, """
                        INSERT INTO stock_movement (sku, change_qty, balance_after, reason, reference, moved_at)
                        SELECT sku, 10 - stock, 10, 'ADJUSTMENT', 'soak: history starts', UTC_TIMESTAMP(3) - INTERVAL 91 DAY
                        FROM product_slot WHERE sku = ? AND slot = 0
                        """, sku);
                for (long from = 0; from < perProduct; from += CHUNK) {
                    long to = Math.min(perProduct, from + CHUNK);
                    seedLines(db, sku, from, to, perProduct);
                    done += to - from;
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("seed: %,d of %,d ledger lines (%.0f %%), %.0f s, %,.0f lines/s%n",
                            done, perProduct * skus.size(), 100.0 * done / (perProduct * skus.size()), seconds,
                            done / seconds);
                }
                update(db, """
                        UPDATE product_slot SET stock = (SELECT m.balance_after FROM stock_movement m
                                                         WHERE m.sku = ? AND m.slot = 0 ORDER BY m.id DESC LIMIT 1)
                        WHERE sku = ? AND slot = 0
                        """, sku, sku);
            }
            System.out.printf("seed: done, %,d ledger lines in %.0f s%n", done, (System.nanoTime() - started) / 1e9);
        }
    }

    private static void seedLines(Connection db, String sku, long from, long to, long total) throws SQLException {
        String numbers = "SELECT seq AS n FROM seq_" + from + "_to_" + (to - 1);
        String at = "UTC_TIMESTAMP(3) - INTERVAL (" + SPREAD_SECONDS + " * (" + total + " - n) DIV " + total + ") SECOND";
        update(db, """
                INSERT INTO stock_movement (sku, change_qty, balance_after, reason, reference, moved_at)
                SELECT ?, IF(n MOD 11 < 10, -1, 10), IF(n MOD 11 < 10, 9 - n MOD 11, 10),
                       IF(n MOD 11 < 10, 'SALE', 'DELIVERY'),
                       IF(n MOD 11 < 10, CONCAT('sale:soak-', n), CONCAT('replenishment:soak-', n)), %s
                FROM (%s) numbers ORDER BY n
                """.formatted(at, numbers), sku);
        update(db, """
                INSERT INTO sale (sku, quantity, sold_at)
                SELECT ?, 1, %s FROM (%s) numbers WHERE n MOD 11 < 10 ORDER BY n
                """.formatted(at, numbers), sku);
        update(db, """
                INSERT INTO replenishment (id, sku, factory_identifier, quantity, status, delivered_quantity, attempts,
                                           requested_at, ordered_at, delivered_at)
                SELECT UUID(), p.sku, f.identifier, 10, 'DELIVERED', 10, 1, %1$s - INTERVAL 5 SECOND,
                       %1$s - INTERVAL 4 SECOND, %1$s
                FROM (%2$s) numbers JOIN product p ON p.sku = ? JOIN factory f ON f.id = p.factory_id
                WHERE n MOD 11 = 10
                """.formatted(at, numbers), sku);
        update(db, """
                INSERT INTO outbox_event (event_id, event_type, replenishment_id, payload, created_at, published_at, attempts)
                SELECT UUID(), 'StockRanOut', UUID(), '{}', %1$s - INTERVAL 5 SECOND, %1$s - INTERVAL 5 SECOND, 1
                FROM (%2$s) numbers WHERE n MOD 11 = 10
                """.formatted(at, numbers));
    }

    private static void update(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
