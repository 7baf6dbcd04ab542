package io.donutstates.stock;

import io.donutstates.shared.RollsBack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warehouse in memory, slot by slot, with the same conditions as the SQL: a take or change
 * never leaves a slot below zero, and the product's stock is the sum of its slots.
 */
public final class InMemoryStock implements Stock, RollsBack {

    private final Map<Sku, Product> products = new LinkedHashMap<>();
    private final Map<Sku, int[]> slots = new LinkedHashMap<>();
    private final List<Sku> locked = new ArrayList<>();

    /** Adds the product with its stock spread evenly over the slots its policy puts in use. */
    public synchronized InMemoryStock with(Product product) {
        int[] levels = new int[product.slots()];
        for (int slot = 0; slot < levels.length; slot++) {
            levels[slot] = product.stock() / levels.length + (slot < product.stock() % levels.length ? 1 : 0);
        }
        products.put(product.sku(), product);
        slots.put(product.sku(), levels);
        return this;
    }

    /** Sets what each slot holds (a test arranging an uneven shelf). */
    public synchronized InMemoryStock withSlots(String sku, int... levels) {
        slots.put(Sku.of(sku), levels.clone());
        return this;
    }

    public synchronized int stockOf(String sku) {
        return Arrays.stream(slots.get(Sku.of(sku))).sum();
    }

    public synchronized List<Integer> slotsOf(String sku) {
        return Arrays.stream(slots.get(Sku.of(sku))).boxed().toList();
    }

    /** The products whose slots were locked, in order (once per lock). */
    public synchronized List<Sku> locked() {
        return List.copyOf(locked);
    }

    @Override
    public synchronized Optional<Product> find(Sku sku) {
        return Optional.ofNullable(products.get(sku)).map(this::withStock);
    }

    @Override
    public synchronized List<Product> all() {
        return products.values().stream().sorted(java.util.Comparator.comparing(p -> p.sku().value()))
                .map(this::withStock).toList();
    }

    @Override
    public synchronized Optional<Shelf> look(Sku sku) {
        return find(sku).map(p -> new Shelf(p, Arrays.stream(slots.get(sku)).boxed().toList()));
    }

    @Override
    public synchronized Optional<Shelf> lock(Sku sku) {
        var product = products.get(sku);
        if (product == null) {
            return Optional.empty();
        }
        locked.add(sku);
        int[] levels = slots.get(sku);
        if (levels.length < product.slots()) {
            slots.put(sku, Arrays.copyOf(levels, product.slots()));
        }
        return look(sku);
    }

    @Override
    public synchronized boolean take(Sku sku, int slot, int quantity) {
        int[] levels = slots.get(sku);
        if (levels == null || slot >= levels.length || levels[slot] < quantity) {
            return false;
        }
        levels[slot] -= quantity;
        return true;
    }

    @Override
    public synchronized boolean takeIfFree(Sku sku, int slot, int quantity) {
        return take(sku, slot, quantity);
    }

    @Override
    public synchronized void change(Sku sku, SlotChange change) {
        int[] levels = slots.get(sku);
        if (levels == null || change.slot() >= levels.length || levels[change.slot()] + change.change() < 0) {
            throw new IllegalStateException("slot " + change.slot() + " of " + sku + " cannot change by " + change.change());
        }
        levels[change.slot()] += change.change();
    }

    @Override
    public synchronized boolean changePolicy(Sku sku, ReorderPolicy policy, int slotsInUse) {
        var p = products.get(sku);
        if (p == null) {
            return false;
        }
        products.put(sku, new Product(sku, p.name(), p.price(), p.stock(), p.factoryId(), policy.reorderQuantity(),
                policy.reorderPoint(), slotsInUse));
        return true;
    }

    @Override
    public synchronized Runnable checkpoint() {
        var savedProducts = new LinkedHashMap<>(products);
        var savedSlots = new LinkedHashMap<Sku, int[]>();
        slots.forEach((sku, levels) -> savedSlots.put(sku, levels.clone()));
        return () -> {
            synchronized (this) {
                products.clear();
                products.putAll(savedProducts);
                slots.clear();
                slots.putAll(savedSlots);
            }
        };
    }

    private Product withStock(Product p) {
        return new Product(p.sku(), p.name(), p.price(), Arrays.stream(slots.get(p.sku())).sum(), p.factoryId(),
                p.reorderQuantity(), p.reorderPoint(), p.slots());
    }
}
