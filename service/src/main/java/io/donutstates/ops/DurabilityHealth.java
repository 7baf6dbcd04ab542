package io.donutstates.ops;

import io.donutstates.shared.DatabaseDurability;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the database keeps acknowledged sales through an OS crash, as read at start-up. Always UP:
 * a database that flushes lazily still sells correctly, and taking the shop out of service over it
 * would lose every sale instead of the last second's; the details and the warning say what to fix.
 */
@Component("durabilityHealthIndicator")
class DurabilityHealth implements HealthIndicator {

    private final Health health;

    DurabilityHealth(DatabaseDurability durability) {
        // The settings were read once; so is the answer.
        this.health = Health.up().withDetails(durability.details()).build();
    }

    @Override
    public Health health() {
        return health;
    }
}
