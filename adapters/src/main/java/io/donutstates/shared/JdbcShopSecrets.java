package io.donutstates.shared;

import java.security.SecureRandom;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A secret the shop makes for itself on first start and shares through its database, so every
 * instance (and every restart) signs and verifies with the same key.
 */
public class JdbcShopSecrets {

    private final JdbcClient jdbc;

    public JdbcShopSecrets(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public byte[] getOrCreate(String name) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT IGNORE INTO shop_secret (name, value) VALUES (:name, :value)")
                .param("name", name)
                .param("value", Base64.getEncoder().encodeToString(fresh))
                .update();
        String stored = jdbc.sql("SELECT value FROM shop_secret WHERE name = :name")
                .param("name", name).query(String.class).single();
        return Base64.getDecoder().decode(stored);
    }
}
