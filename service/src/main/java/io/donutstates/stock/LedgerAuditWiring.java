package io.donutstates.stock;

import io.donutstates.alerting.Alerts;
import io.donutstates.audit.ArchivingTheLedger;
import io.donutstates.audit.FollowingTheLedger;
import io.donutstates.audit.JdbcLedgerArchive;
import io.donutstates.audit.JdbcLedgerAudits;
import io.donutstates.audit.ReplayingTheLedger;
import io.donutstates.shared.Transactions;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger audit: the live track that follows new lines, the operator's full replay and archive. */
@Configuration(proxyBeanMethods = false)
class LedgerAuditWiring {

    @Bean
    JdbcLedgerAudits ledgerAudits(DataSource dataSource) {
        return new JdbcLedgerAudits(dataSource);
    }

    @Bean
    FollowingTheLedger followingTheLedger(JdbcLedgerAudits audits, Alerts alerts, Transactions transactions,
                                          Clock clock) {
        return new FollowingTheLedger(audits, alerts, transactions, clock);
    }

    @Bean
    ArchivingTheLedger archivingTheLedger(JdbcLedgerAudits audits, DataSource dataSource, Transactions transactions,
                                          Clock clock) {
        return new ArchivingTheLedger(audits, new JdbcLedgerArchive(dataSource), transactions, clock);
    }

    @Bean
    ReplayingTheLedger replayingTheLedger(JdbcLedgerAudits audits, FollowingTheLedger following,
                                          Transactions transactions, Clock clock) {
        return new ReplayingTheLedger(audits, following, transactions, clock);
    }
}
