package dev.baton.account.internal;

import java.util.List;
import java.util.UUID;

/**
 * A user to add, as typed: checked by {@link TeamEditor}. {@code role} is OWNER, ADMIN or MANAGER (null: MANAGER);
 * {@code stageIds} empty or null: every stage.
 */
public record NewUser(String username, String password, String displayName, String role, List<String> groups,
        List<UUID> stageIds) {

    @Override
    public String toString() {
        // Never let a password reach a log line through a record's generated toString.
        return "NewUser[username=" + username + ", role=" + role + "]";
    }
}
