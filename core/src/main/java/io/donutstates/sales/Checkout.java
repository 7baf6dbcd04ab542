package io.donutstates.sales;

/** Where buyers buy: one purchase in, one answer out. */
public interface Checkout {

    SaleResult sell(Purchase purchase);
}
