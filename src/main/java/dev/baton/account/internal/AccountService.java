package dev.baton.account.internal;

import dev.baton.account.AccountSettings;
import dev.baton.account.Accounts;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;

import java.util.UUID;

@Service
class AccountService implements Accounts {

    private final AccountRepository accounts;

    AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public AccountSettings settings(UUID accountId) {
        return accounts.findSettings(accountId).orElseThrow(() -> BatonException.notFound("Account", accountId));
    }

    @Override
    public void updateCurrency(UUID accountId, String currency) {
        accounts.updateCurrency(accountId, currency);
    }
}
