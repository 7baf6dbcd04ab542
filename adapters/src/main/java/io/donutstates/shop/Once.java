package io.donutstates.shop;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A value made on first use, once: what a cold start may never need costs nothing until it is needed. */
public final class Once<T> implements Supplier<T> {

    private final Supplier<T> maker;
    private volatile T value;

    public Once(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = maker.get();
                    value = made;
                }
            }
        }
        return made;
    }

    /** Runs the action on the value if it was made; makes nothing. */
    public void ifMade(Consumer<T> action) {
        T made = value;
        if (made != null) {
            action.accept(made);
        }
    }
}
