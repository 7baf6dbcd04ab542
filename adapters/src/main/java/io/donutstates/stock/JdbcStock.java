package io.donutstates.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The warehouse in MySQL/MariaDB: one row per product, changed only by conditional statements. */
public class JdbcStock implements Stock {

    private static final String SELECT_PRODUCT = """
            SELECT p.sku, p.name, p.price, p.stock, f.identifier, p.reorder_quantity, p.reorder_point
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

    @Override
    public Optional<Product> take(Sku sku, Quantity quantity) {
        int taken = jdbc.sql("""
                        UPDATE product SET stock = stock - :quantity
                        WHERE sku = :sku AND stock >= :quantity
                        """)
                .param("quantity", quantity.value())
                .param("sku", sku.value())
                .update();
        return taken == 1 ? find(sku) : Optional.empty();
    }

    @Override
    public Optional<Product> lockForSale(Sku sku) {
        return jdbc.sql(SELECT_PRODUCT + " WHERE p.sku = :sku FOR UPDATE")
                .param("sku", sku.value())
                .query(JdbcStock::product)
                .optional();
    }

    @Override
    public void remove(Sku sku, int quantity) {
        // Still conditional: should a caller ever share out more than it locked, the row is not touched.
        int taken = jdbc.sql("UPDATE product SET stock = stock - :quantity WHERE sku = :sku AND stock >= :quantity")
                .param("quantity", quantity)
                .param("sku", sku.value())
                .update();
        if (taken != 1) {
            throw new IllegalStateException("stock of " + sku + " is below " + quantity + " under its own lock");
        }
    }

    @Override
    public int add(Sku sku, Quantity quantity) {
        jdbc.sql("UPDATE product SET stock = stock + :quantity WHERE sku = :sku")
                .param("quantity", quantity.value())
                .param("sku", sku.value())
                .update();
        // The update holds the row until commit, so this reads this transaction's own result.
        return jdbc.sql("SELECT stock FROM product WHERE sku = :sku").param("sku", sku.value())
                .query(Integer.class).single();
    }

    @Override
    public boolean changePolicy(Sku sku, ReorderPolicy policy) {
        int changed = jdbc.sql("""
                        UPDATE product SET reorder_quantity = :quantity, reorder_point = :point WHERE sku = :sku
                        """)
                .param("quantity", policy.reorderQuantity())
                .param("point", policy.reorderPoint())
                .param("sku", sku.value())
                .update();
        return changed == 1 || find(sku).isPresent();
    }

    @Override
    public Optional<Integer> replace(Sku sku, int stock) {
        Optional<Integer> before = jdbc.sql("SELECT stock FROM product WHERE sku = :sku FOR UPDATE")
                .param("sku", sku.value())
                .query(Integer.class)
                .optional();
        before.ifPresent(ignored -> jdbc.sql("UPDATE product SET stock = :stock WHERE sku = :sku")
                .param("stock", stock)
                .param("sku", sku.value())
                .update());
        return before;
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(new Sku(rs.getString("sku")), rs.getString("name"), rs.getInt("price"),
                rs.getInt("stock"), new FactoryId(rs.getString("identifier")),
                rs.getInt("reorder_quantity"), rs.getInt("reorder_point"));
    }
}
