package dev.baton.account.internal;

import java.util.List;
import java.util.UUID;

/** Changes to a user; a null field stays as it is. An empty {@code stageIds} allows every stage. */
public record UserChanges(String displayName, String role, List<String> groups, List<UUID> stageIds,
        Boolean available, String password) {

    @Override
    public String toString() {
        return "UserChanges[role=" + role + ", available=" + available + ", password " + (password == null ? "kept" : "changed") + "]";
    }
}
