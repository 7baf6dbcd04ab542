package io.donutstates.stock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A product's stock slot by slot: slot {@code i} holds {@code levels.get(i)}, the product's stock is
 * their sum. Slots let buyers of one hot product take from different rows, so their transactions do
 * not wait for each other. The product's policy says how many slots are in use; slots beyond that
 * (left from a larger setting) are emptied when the setting changes, but whatever they hold is stock.
 */
public record Shelf(Product product, List<Integer> levels) {

    public Shelf {
        levels = List.copyOf(levels);
    }

    public int total() {
        return levels.stream().mapToInt(Integer::intValue).sum();
    }

    public int level(int slot) {
        return slot < levels.size() ? levels.get(slot) : 0;
    }

    /** The slots that alone hold at least {@code quantity}, starting at {@code from} and going round. */
    public List<Integer> slotsServing(int quantity, int from) {
        int count = levels.size();
        return IntStream.range(0, count)
                .map(i -> Math.floorMod(from + i, Math.max(count, 1)))
                .filter(slot -> levels.get(slot) >= quantity)
                .boxed().toList();
    }

    /**
     * A quantity that no slot holds alone, taken from several: the fullest slots first, so as few
     * slots (and ledger lines) as possible; empty when the shelf holds less than the quantity.
     */
    public Optional<List<SlotChange>> takeAcross(int quantity) {
        if (total() < quantity) {
            return Optional.empty();
        }
        List<SlotChange> changes = new ArrayList<>();
        int left = quantity;
        for (int slot : IntStream.range(0, levels.size()).boxed()
                .sorted(Comparator.comparing((Integer s) -> -levels.get(s)).thenComparing(s -> s)).toList()) {
            if (left == 0) {
                break;
            }
            int taken = Math.min(left, levels.get(slot));
            if (taken > 0) {
                changes.add(new SlotChange(slot, -taken, levels.get(slot) - taken));
                left -= taken;
            }
        }
        changes.sort(Comparator.comparingInt(SlotChange::slot));
        return Optional.of(changes);
    }

    /**
     * Takes a quantity from working levels the caller holds (changing them): from the fullest slot
     * when it holds enough (one line), else from the fullest ones in turn. The levels must hold the
     * quantity in all.
     */
    public static List<SlotChange> takeFullestFirst(int[] level, int wanted) {
        List<SlotChange> taken = new ArrayList<>(1);
        int left = wanted;
        while (left > 0) {
            int fullest = 0;
            for (int slot = 1; slot < level.length; slot++) {
                if (level[slot] > level[fullest]) {
                    fullest = slot;
                }
            }
            if (level[fullest] == 0) {
                throw new IllegalStateException("the slots hold " + (wanted - left) + " of " + wanted);
            }
            int part = Math.min(left, level[fullest]);
            level[fullest] -= part;
            left -= part;
            taken.add(new SlotChange(fullest, -part, level[fullest]));
        }
        return taken;
    }

    /**
     * Puts a quantity on the slots in use, the emptiest first, so a delivery evens the slots out
     * (water filling: every slot it reaches ends at the same level, or one above it).
     */
    public List<SlotChange> spread(int quantity) {
        int inUse = product.slots();
        int[] level = IntStream.range(0, inUse).map(this::level).toArray();
        // The highest water line the quantity can fill every slot up to.
        long low = IntStream.of(level).min().orElse(0);
        long high = low + quantity;
        while (low < high) {
            long mid = (low + high + 1) / 2;
            if (fillCost(level, mid) <= quantity) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        long line = low;
        long left = quantity - fillCost(level, line);
        List<SlotChange> changes = new ArrayList<>();
        for (int slot = 0; slot < inUse; slot++) {
            int added = (int) Math.max(0, line - level[slot]);
            if (left > 0 && level[slot] <= line) {
                added++;
                left--;
            }
            if (added > 0) {
                changes.add(new SlotChange(slot, added, level[slot] + added));
            }
        }
        return changes;
    }

    private static long fillCost(int[] level, long line) {
        long cost = 0;
        for (int l : level) {
            cost += Math.max(0, line - l);
        }
        return cost;
    }

    /**
     * The changes that leave {@code total} spread evenly over the first {@code inUse} slots (the first
     * ones one more where it does not divide) and every other slot empty.
     */
    public List<SlotChange> levelTo(int total, int inUse) {
        List<SlotChange> changes = new ArrayList<>();
        int slots = Math.max(levels.size(), inUse);
        for (int slot = 0; slot < slots; slot++) {
            int wanted = slot < inUse ? total / inUse + (slot < total % inUse ? 1 : 0) : 0;
            int change = wanted - level(slot);
            if (change != 0) {
                changes.add(new SlotChange(slot, change, wanted));
            }
        }
        return changes;
    }
}
