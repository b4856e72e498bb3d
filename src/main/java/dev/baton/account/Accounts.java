package dev.baton.account;

import java.util.UUID;

/** The account module's facade for other modules. */
public interface Accounts {

    AccountSettings settings(UUID accountId);

    /** The store's currency is the account's currency; a connected store keeps it in step. */
    void updateCurrency(UUID accountId, String currency);
}
