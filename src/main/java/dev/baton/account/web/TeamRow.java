package dev.baton.account.web;

import dev.baton.account.Role;
import dev.baton.account.TeamMember;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A user as the Team page's table shows them. */
record TeamRow(UUID id, String name, String username, Role role, List<String> groups, String stages,
        boolean available, boolean online, String lastSeen, String lastSeenIso) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    static TeamRow of(TeamMember member, boolean online, Instant now, ZoneId zone) {
        int stageCount = member.stageIds().size();
        return new TeamRow(member.id(), member.label(), member.username(), member.role(),
                member.groups().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                stageCount == 0 ? "All stages" : stageCount == 1 ? "1 stage" : stageCount + " stages",
                member.available(), online, lastSeen(member.lastSeenAt(), now, zone),
                member.lastSeenAt() == null ? null : member.lastSeenAt().toString());
    }

    /** Whether the table shows the username under the name (it is the name when there is no display name). */
    public boolean showUsername() {
        return !name.equals(username);
    }

    private static String lastSeen(Instant seen, Instant now, ZoneId zone) {
        if (seen == null) {
            return "Never";
        }
        Duration ago = Duration.between(seen, now);
        if (ago.toMinutes() < 1) {
            return "Just now";
        }
        if (ago.toHours() < 1) {
            return ago.toMinutes() + " min ago";
        }
        if (ago.toHours() < 24) {
            return ago.toHours() + " h ago";
        }
        return SHOWN.format(seen.atZone(zone));
    }
}
