package dev.baton.account.internal;

import dev.baton.account.AccountCreated;
import dev.baton.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import java.util.UUID;

/**
 * On the first start with an empty store, creates the first account with its owner {@code admin}.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final BootstrapProperties properties;

    AccountBootstrap(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
            TransactionTemplate transaction, BootstrapProperties properties) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            transaction.executeWithoutResult(status -> {
                if (accounts.countAccounts() == 0) {
                    createFirstAccount();
                }
            });
        } catch (DuplicateKeyException e) {
            // Two nodes started on one empty database at once; the unique username let only one of them win.
            log.info("Another node created the first account");
        }
    }

    private void createFirstAccount() {
        boolean keyGiven = StringUtils.hasText(properties.apiKey());
        boolean passwordGiven = StringUtils.hasText(properties.password());
        String apiKey = keyGiven ? properties.apiKey() : ApiKeys.generate();
        String password = passwordGiven ? properties.password() : ApiKeys.randomPassword();

        UUID accountId = accounts.createAccount("My store", "USD", "en", "UTC");
        accounts.createUser(accountId, "admin", passwordEncoder.encode(password), Role.OWNER);
        accounts.createApiKey(accountId, ApiKeys.hash(apiKey), "bootstrap");
        events.publishEvent(new AccountCreated(accountId, properties.demoStore()));

        log.info("Created the first account {} with owner 'admin'{}", accountId,
                properties.demoStore() ? " and the demo store" : "");
        // Printed once, only when we generated them: the operator has no other way to learn them.
        if (!passwordGiven) {
            log.warn("Generated password for 'admin' (shown only now): {}", password);
        }
        if (!keyGiven) {
            log.warn("Generated API key (shown only now): {}", apiKey);
        }
    }
}
