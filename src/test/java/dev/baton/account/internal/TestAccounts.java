package dev.baton.account.internal;

import dev.baton.account.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Creates accounts for tests that need more than the bootstrap one (tenant isolation, roles). */
@Component
public class TestAccounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    TestAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public NewAccount create(String name) {
        UUID id = accounts.createAccount(name, "EUR", "en", "UTC");
        String apiKey = ApiKeys.generate();
        accounts.createApiKey(id, ApiKeys.hash(apiKey), "test");
        return new NewAccount(id, apiKey);
    }

    @Transactional
    public void createUser(UUID accountId, String username, String password, Role role) {
        accounts.createUser(accountId, username, passwordEncoder.encode(password), role);
    }

    public record NewAccount(UUID id, String apiKey) {
    }
}
