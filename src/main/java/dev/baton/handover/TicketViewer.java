package dev.baton.handover;

import java.util.Set;
import java.util.UUID;

/** Who looks at the inbox: an admin ({@code all}) or a manager with their groups. */
public record TicketViewer(UUID userId, Set<String> groups, boolean all) {

    public TicketViewer {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public static TicketViewer everything() {
        return new TicketViewer(null, Set.of(), true);
    }

    public static TicketViewer manager(UUID userId, Set<String> groups) {
        return new TicketViewer(userId, groups, false);
    }
}
