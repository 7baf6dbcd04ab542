package io.donutstates.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a shelf's slots serve a buyer, take a delivery and level out a count or a new number of slots. */
class ShelfTest {

    private static Shelf shelf(int slotsInUse, Integer... levels) {
        int total = List.of(levels).stream().mapToInt(Integer::intValue).sum();
        return new Shelf(Products.aProductInSlots("CP-1", total, slotsInUse), List.of(levels));
    }

    @Test
    void the_stock_is_the_sum_of_the_slots() {
        assertThat(shelf(3, 3, 0, 5).total()).isEqualTo(8);
        assertThat(shelf(3, 3, 0, 5).level(7)).as("a slot never written holds nothing").isZero();
    }

    @Test
    void the_slots_that_can_serve_a_buyer_alone_are_tried_from_the_starting_slot_round() {
        assertThat(shelf(4, 3, 0, 5, 4).slotsServing(3, 2)).containsExactly(2, 3, 0);
        assertThat(shelf(4, 3, 0, 5, 4).slotsServing(6, 1)).isEmpty();
    }

    @Test
    void a_quantity_no_slot_holds_is_taken_from_the_fullest_slots_first() {
        assertThat(shelf(3, 2, 5, 3).takeAcross(7)).hasValue(List.of(
                new SlotChange(1, -5, 0), new SlotChange(2, -2, 1)));
        assertThat(shelf(3, 2, 5, 3).takeAcross(11)).as("more than the shelf holds").isEmpty();
    }

    @Test
    void a_delivery_fills_the_emptiest_slots_first() {
        assertThat(shelf(3, 5, 0, 2).spread(4)).containsExactly(new SlotChange(1, 3, 3), new SlotChange(2, 1, 3));
        assertThat(shelf(3, 0, 0, 0).spread(7))
                .as("what does not divide goes one each to the first slots")
                .containsExactly(new SlotChange(0, 3, 3), new SlotChange(1, 2, 2), new SlotChange(2, 2, 2));
    }

    @Test
    void a_delivery_goes_only_to_the_slots_in_use() {
        assertThat(shelf(2, 0, 0, 9).spread(4)).containsExactly(new SlotChange(0, 2, 2), new SlotChange(1, 2, 2));
    }

    @Test
    void a_large_delivery_is_spread_without_counting_donut_by_donut() {
        var changes = shelf(32, java.util.Collections.nCopies(32, 0).toArray(new Integer[0])).spread(Quantity.MAX);
        assertThat(changes.stream().mapToInt(SlotChange::change).sum()).isEqualTo(Quantity.MAX);
    }

    @Test
    void levelling_spreads_a_total_evenly_over_the_slots_in_use_and_empties_the_rest() {
        assertThat(shelf(3, 1, 2, 3, 4).levelTo(10, 3)).containsExactly(
                new SlotChange(0, 3, 4), new SlotChange(1, 1, 3), new SlotChange(3, -4, 0));
        assertThat(shelf(1, 6).levelTo(6, 1)).as("nothing to change").isEmpty();
    }

    @Test
    void working_levels_give_from_the_fullest_slot_first_and_never_more_than_they_hold() {
        int[] levels = {2, 5, 3};

        assertThat(Shelf.takeFullestFirst(levels, 4)).containsExactly(new SlotChange(1, -4, 1));
        assertThat(Shelf.takeFullestFirst(levels, 4)).containsExactly(new SlotChange(2, -3, 0), new SlotChange(0, -1, 1));
        assertThat(levels).containsExactly(1, 1, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Shelf.takeFullestFirst(levels, 3))
                .isInstanceOf(IllegalStateException.class);
    }
}
