package io.donutstates.shared;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Transactions on one DataSource; the JDBC adapters join them through Spring's connection binding. */
public class SpringJdbcTransactions implements Transactions {

    private final TransactionTemplate template;

    public SpringJdbcTransactions(DataSource dataSource) {
        this.template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
