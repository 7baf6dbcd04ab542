package io.donutstates.stock;

import io.donutstates.shared.RollsBack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The warehouse in memory, with the same conditions as the SQL: a take or removal never goes below zero. */
public final class InMemoryStock implements Stock, RollsBack {

    private final Map<Sku, Product> products = new LinkedHashMap<>();
    private final List<Sku> locked = new ArrayList<>();

    public synchronized InMemoryStock with(Product product) {
        products.put(product.sku(), product);
        return this;
    }

    public synchronized int stockOf(String sku) {
        return products.get(Sku.of(sku)).stock();
    }

    /** The products whose rows were locked for a sale, in order (once per lock). */
    public synchronized List<Sku> lockedForSale() {
        return List.copyOf(locked);
    }

    @Override
    public synchronized Optional<Product> find(Sku sku) {
        return Optional.ofNullable(products.get(sku));
    }

    @Override
    public synchronized List<Product> all() {
        return products.values().stream().sorted(java.util.Comparator.comparing(p -> p.sku().value())).toList();
    }

    @Override
    public synchronized Optional<Product> take(Sku sku, Quantity quantity) {
        var product = products.get(sku);
        if (product == null || product.stock() < quantity.value()) {
            return Optional.empty();
        }
        return Optional.of(put(product, product.stock() - quantity.value()));
    }

    @Override
    public synchronized int add(Sku sku, Quantity quantity) {
        var product = products.get(sku);
        if (product == null) {
            throw new IllegalStateException("no product " + sku);
        }
        return put(product, product.stock() + quantity.value()).stock();
    }

    @Override
    public synchronized Optional<Product> lockForSale(Sku sku) {
        var product = Optional.ofNullable(products.get(sku));
        product.ifPresent(p -> locked.add(sku));
        return product;
    }

    @Override
    public synchronized void remove(Sku sku, int quantity) {
        var product = products.get(sku);
        if (product == null || product.stock() < quantity) {
            throw new IllegalStateException("stock of " + sku + " is below " + quantity + " under its own lock");
        }
        put(product, product.stock() - quantity);
    }

    @Override
    public synchronized boolean changePolicy(Sku sku, ReorderPolicy policy) {
        var p = products.get(sku);
        if (p == null) {
            return false;
        }
        products.put(sku, new Product(sku, p.name(), p.price(), p.stock(), p.factoryId(), policy.reorderQuantity(),
                policy.reorderPoint()));
        return true;
    }

    @Override
    public synchronized Optional<Integer> replace(Sku sku, int stock) {
        var product = products.get(sku);
        if (product == null) {
            return Optional.empty();
        }
        put(product, stock);
        return Optional.of(product.stock());
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new LinkedHashMap<>(products);
        return () -> {
            synchronized (this) {
                products.clear();
                products.putAll(saved);
            }
        };
    }

    private Product put(Product p, int stock) {
        var changed = new Product(p.sku(), p.name(), p.price(), stock, p.factoryId(), p.reorderQuantity(),
                p.reorderPoint());
        products.put(p.sku(), changed);
        return changed;
    }
}
