package dev.baton.account;

import java.util.UUID;

/**
 * A new account exists. {@code withDemoStore} asks for the demo store to be loaded into it.
 */
public record AccountCreated(UUID accountId, boolean withDemoStore) {
}
