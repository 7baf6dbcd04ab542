package io.donutstates.factory;

import io.donutstates.stock.FactoryId;
import java.net.URI;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where each factory's API lives: its own URL in the database, or the configured default. */
public class JdbcFactoryDirectory implements Function<FactoryId, URI> {

    private final JdbcClient jdbc;
    private final URI defaultUrl;

    public JdbcFactoryDirectory(DataSource dataSource, URI defaultUrl) {
        this.jdbc = JdbcClient.create(dataSource);
        this.defaultUrl = defaultUrl;
    }

    /** The factory manager's email address, told when the factory's replenishments fail. */
    public java.util.Optional<String> managerEmail(FactoryId factoryId) {
        return jdbc.sql("SELECT manager_email FROM factory WHERE identifier = :id")
                .param("id", factoryId.value()).query(String.class).optional();
    }

    @Override
    public URI apply(FactoryId factoryId) {
        return jdbc.sql("SELECT api_url FROM factory WHERE identifier = :id")
                .param("id", factoryId.value())
                .query(String.class)
                .optional()
                .filter(url -> !url.isBlank())
                .map(URI::create)
                .orElse(defaultUrl);
    }
}
