package dev.baton.catalog;

import java.math.BigDecimal;

/** A customer's orders at the store: how many, and their total in the store's currency. */
public record CustomerHistory(int orders, BigDecimal lifetimeSpend) {

    public static CustomerHistory none() {
        return new CustomerHistory(0, BigDecimal.ZERO);
    }
}
