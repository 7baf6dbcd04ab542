package io.donutstates.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The warehouse in MySQL/MariaDB: a product row for the policy and a {@code product_slot} row per
 * slot, changed only by conditional statements. A buyer's take touches one slot row, so buyers on
 * different slots never wait for each other; a product's stock is the sum of its slot rows.
 */
public class JdbcStock implements Stock {

    private static final String SELECT_PRODUCT = """
            SELECT p.sku, p.name, p.price, f.identifier, p.reorder_quantity, p.reorder_point, p.slots,
                   (SELECT COALESCE(SUM(s.stock), 0) FROM product_slot s WHERE s.sku = p.sku) AS stock
            FROM product p JOIN factory f ON f.id = p.factory_id
            """;

    private final JdbcClient jdbc;

    public JdbcStock(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return jdbc.sql(SELECT_PRODUCT + " WHERE p.sku = :sku")
                .param("sku", sku.value())
                .query(JdbcStock::product)
                .optional();
    }

    @Override
    public List<Product> all() {
        return jdbc.sql(SELECT_PRODUCT + " ORDER BY p.sku").query(JdbcStock::product).list();
    }

    /** One statement: the product's row with each of its slots (one row per slot, or one without any). */
    @Override
    public Optional<Shelf> look(Sku sku) {
        record Row(Product product, Integer slot, int stock) { }
        List<Row> rows = jdbc.sql("""
                        SELECT p.sku, p.name, p.price, f.identifier, p.reorder_quantity, p.reorder_point, p.slots,
                               s.slot, COALESCE(s.stock, 0) AS stock
                        FROM product p JOIN factory f ON f.id = p.factory_id
                        LEFT JOIN product_slot s ON s.sku = p.sku
                        WHERE p.sku = :sku ORDER BY s.slot
                        """)
                .param("sku", sku.value())
                .query((rs, n) -> new Row(product(rs, n), (Integer) rs.getObject("slot", Integer.class),
                        rs.getInt("stock")))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> levels = new ArrayList<>();
        for (Row row : rows) {
            if (row.slot() != null) {
                while (levels.size() < row.slot()) {
                    levels.add(0);
                }
                levels.add(row.stock());
            }
        }
        return Optional.of(shelf(rows.get(0).product(), levels));
    }

    /**
     * The slots are locked in slot order, as every locker of several slots does, then the product is
     * read (without a lock); two statements, a third only when a slot in use has no row yet.
     */
    @Override
    public Optional<Shelf> lock(Sku sku) {
        List<int[]> held = jdbc.sql("SELECT slot, stock FROM product_slot WHERE sku = :sku ORDER BY slot FOR UPDATE")
                .param("sku", sku.value()).query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)}).list();
        Optional<Product> product = find(sku);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> levels = new ArrayList<>();
        for (int[] slot : held) {
            while (levels.size() < slot[0]) {
                levels.add(0);
            }
            levels.add(slot[1]);
        }
        List<Object> missing = new ArrayList<>();
        for (int slot = 0; slot < product.get().slots(); slot++) {
            int s = slot;
            if (held.stream().noneMatch(row -> row[0] == s)) {
                missing.add(sku.value());
                missing.add(slot);
            }
        }
        if (!missing.isEmpty()) {
            jdbc.sql("INSERT IGNORE INTO product_slot (sku, slot, stock) VALUES "
                            + String.join(", ", Collections.nCopies(missing.size() / 2, "(?, ?, 0)")))
                    .params(missing).update();
            while (levels.size() < product.get().slots()) {
                levels.add(0);
            }
        }
        return Optional.of(shelf(product.get(), levels));
    }

    @Override
    public boolean take(Sku sku, int slot, int quantity) {
        return jdbc.sql("""
                        UPDATE product_slot SET stock = stock - :quantity
                        WHERE sku = :sku AND slot = :slot AND stock >= :quantity
                        """)
                .param("quantity", quantity)
                .param("sku", sku.value())
                .param("slot", slot)
                .update() == 1;
    }

    /**
     * A slot row another transaction holds is skipped rather than waited for; one that holds too
     * little is not kept locked (under READ COMMITTED a row the condition refuses is let go).
     */
    @Override
    public boolean takeIfFree(Sku sku, int slot, int quantity) {
        boolean held = jdbc.sql("""
                        SELECT slot FROM product_slot WHERE sku = :sku AND slot = :slot AND stock >= :quantity
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("sku", sku.value()).param("slot", slot).param("quantity", quantity)
                .query(Integer.class).optional().isPresent();
        return held && take(sku, slot, quantity);
    }

    @Override
    public void change(Sku sku, SlotChange change) {
        // Still conditional: should a caller ever take more than the slot holds, nothing is touched.
        int changed = jdbc.sql("""
                        UPDATE product_slot SET stock = stock + :change
                        WHERE sku = :sku AND slot = :slot AND stock + :change >= 0
                        """)
                .param("change", change.change())
                .param("sku", sku.value())
                .param("slot", change.slot())
                .update();
        if (changed != 1) {
            throw new IllegalStateException("slot " + change.slot() + " of " + sku + " cannot change by "
                    + change.change() + " under its own lock");
        }
    }

    @Override
    public boolean changePolicy(Sku sku, ReorderPolicy policy, int slots) {
        int changed = jdbc.sql("""
                        UPDATE product SET reorder_quantity = :quantity, reorder_point = :point, slots = :slots
                        WHERE sku = :sku
                        """)
                .param("quantity", policy.reorderQuantity())
                .param("point", policy.reorderPoint())
                .param("slots", Product.validSlots(slots))
                .param("sku", sku.value())
                .update();
        return changed == 1 || find(sku).isPresent();
    }

    private static Shelf shelf(Product product, List<Integer> levels) {
        int total = levels.stream().mapToInt(Integer::intValue).sum();
        return new Shelf(new Product(product.sku(), product.name(), product.price(), total, product.factoryId(),
                product.reorderQuantity(), product.reorderPoint(), product.slots()), levels);
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(new Sku(rs.getString("sku")), rs.getString("name"), rs.getInt("price"),
                rs.getInt("stock"), new FactoryId(rs.getString("identifier")),
                rs.getInt("reorder_quantity"), rs.getInt("reorder_point"), rs.getInt("slots"));
    }
}
