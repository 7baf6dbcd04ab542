package io.donutstates.alerting;

import java.util.List;

/** The newest alerts, as the operations views show them. */
public interface RecentAlerts {

    /** At most {@code limit} alerts, newest first. */
    List<Alert> recent(int limit);
}
