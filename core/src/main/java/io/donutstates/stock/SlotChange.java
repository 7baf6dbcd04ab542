package io.donutstates.stock;

/** A change to one slot of a product's stock and the slot's stock after it. */
public record SlotChange(int slot, int change, int balanceAfter) { }
