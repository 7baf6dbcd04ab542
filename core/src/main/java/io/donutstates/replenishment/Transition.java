package io.donutstates.replenishment;

import static io.donutstates.replenishment.ReplenishmentStatus.DELIVERED;
import static io.donutstates.replenishment.ReplenishmentStatus.FAILED;
import static io.donutstates.replenishment.ReplenishmentStatus.ORDERED;
import static io.donutstates.replenishment.ReplenishmentStatus.REQUESTED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The replenishment lifecycle, written once: every move between statuses, named, with the
 * statuses it may start from. REQUESTED → ORDERED → DELIVERED, or FAILED from either open status;
 * an ordered one that is not delivered in time is requested again, a failed one is requested again
 * when ops redrive it, and a delivery is taken in whenever it comes, even after the shop gave up.
 * The adapters' guarded updates take their allowed starting statuses from here, so the table and
 * the SQL cannot disagree.
 */
public enum Transition {

    /** The factory took the order. */
    ORDER(ORDERED, REQUESTED),

    /** No delivery before the deadline: the replenishment is ordered again. */
    REORDER(REQUESTED, ORDERED),

    /** The shop gives up on an open replenishment (the factory failed it too long, or never delivered). */
    FAIL(FAILED, REQUESTED, ORDERED),

    /** The factory's callback counted the delivery: once, and even after the shop gave up waiting. */
    DELIVER(DELIVERED, REQUESTED, ORDERED, FAILED),

    /** Ops send a failed replenishment back to work (a dead-letter redrive). */
    REDRIVE(REQUESTED, FAILED);

    private final ReplenishmentStatus to;
    private final Set<ReplenishmentStatus> from;

    Transition(ReplenishmentStatus to, ReplenishmentStatus first, ReplenishmentStatus... more) {
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    /** The status it leads to. */
    public ReplenishmentStatus to() {
        return to;
    }

    /** The statuses it may start from. */
    public Set<ReplenishmentStatus> from() {
        return EnumSet.copyOf(from);
    }

    /** Whether a replenishment in the given status may make this move. */
    public boolean allowedFrom(ReplenishmentStatus status) {
        return from.contains(status);
    }

    /** The statuses it may start from by name, as the database stores them (for a guarded update). */
    public List<String> fromNames() {
        return from.stream().map(Enum::name).toList();
    }

    /** The moves that lead from one status to another; none when the lifecycle forbids it. */
    public static List<Transition> between(ReplenishmentStatus current, ReplenishmentStatus next) {
        return Arrays.stream(values()).filter(t -> t.to == next && t.allowedFrom(current)).toList();
    }
}
