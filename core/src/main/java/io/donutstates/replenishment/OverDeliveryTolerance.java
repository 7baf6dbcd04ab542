package io.donutstates.replenishment;

import io.donutstates.stock.Quantity;

/**
 * How many donuts beyond the ordered quantity a factory may deliver and still be taken in: a count
 * ({@code 2}) or a percentage of the order ({@code 10%}, rounded down). None by default: a callback
 * counting more than was ordered is refused, so a leaked callback URL cannot fill the shelf.
 */
public record OverDeliveryTolerance(int count, int percent) {

    public static final OverDeliveryTolerance NONE = new OverDeliveryTolerance(0, 0);
    private static final int MOST_PERCENT = 100;

    public OverDeliveryTolerance {
        if (count < 0 || count > Quantity.MAX || percent < 0 || percent > MOST_PERCENT) {
            throw new IllegalArgumentException("over-delivery tolerance must be a count 0.." + Quantity.MAX
                    + " or a percentage 0%.." + MOST_PERCENT + "%");
        }
        if (count > 0 && percent > 0) {
            throw new IllegalArgumentException("over-delivery tolerance is a count or a percentage, not both");
        }
    }

    /** Reads {@code 0}, {@code 3} (donuts) or {@code 10%} (of the ordered quantity); blank means none. */
    public static OverDeliveryTolerance parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String value = text.strip();
        try {
            if (value.endsWith("%")) {
                return new OverDeliveryTolerance(0, Integer.parseInt(value.substring(0, value.length() - 1).strip()));
            }
            return new OverDeliveryTolerance(Integer.parseInt(value), 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("over-delivery tolerance must be a count such as 2 or a percentage "
                    + "such as 10% (got '" + text + "')");
        }
    }

    /** The largest count a callback may report for an order of {@code ordered}. */
    public int mostAccepted(Quantity ordered) {
        long extra = percent > 0 ? (long) ordered.value() * percent / 100 : count;
        return (int) Math.min(Quantity.MAX, ordered.value() + extra);
    }

    @Override
    public String toString() {
        return percent > 0 ? percent + "%" : Integer.toString(count);
    }
}
