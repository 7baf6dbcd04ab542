package io.donutstates.shared;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions on one DataSource; the JDBC adapters join them through Spring's connection binding.
 * A transaction the database chose as the victim of a deadlock (two transactions waiting for each
 * other's rows; nothing of it was written) runs again from the start, at most {@value #ATTEMPTS}
 * times in all, after a short random pause; only the outermost transaction does, since a joined one
 * cannot start again alone.
 */
public class SpringJdbcTransactions implements Transactions {

    static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(SpringJdbcTransactions.class);

    private final TransactionTemplate template;

    public SpringJdbcTransactions(DataSource dataSource) {
        this.template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return template.execute(status -> work.get());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> work.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("transaction lost a lock conflict (attempt {} of {}), running it again: {}", attempt,
                        ATTEMPTS, e.getMostSpecificCause().getMessage());
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 5_000_000L) * attempt);
            }
        }
    }
}
