package dev.baton.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user of the account as the handover sees them: who they are, the groups they belong to (e.g. {@code VIP}), the
 * pipeline stages whose conversations they may take (empty: every stage), whether they said they are available, and
 * when Baton last saw them in the web UI (null: never).
 */
public record TeamMember(UUID id, UUID accountId, String username, String displayName, Role role, Set<String> groups,
        Set<UUID> stageIds, boolean available, Instant lastSeenAt) {

    public TeamMember {
        groups = Set.copyOf(groups);
        stageIds = Set.copyOf(stageIds);
    }

    /** Available, and seen within {@code window} before {@code now}. */
    public boolean online(Instant now, Duration window) {
        return available && lastSeenAt != null && !lastSeenAt.isBefore(now.minus(window));
    }

    /** Whether this member may take conversations of leads in {@code stageId} (null: the stage is unknown). */
    public boolean allowedFor(UUID stageId) {
        return stageIds.isEmpty() || stageId == null || stageIds.contains(stageId);
    }

    public String label() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
