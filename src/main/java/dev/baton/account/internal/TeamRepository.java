package dev.baton.account.internal;

import dev.baton.account.Role;
import dev.baton.account.TeamMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The account's users as team members: their profile, groups, allowed stages and presence. */
@Repository
class TeamRepository {

    private static final String SELECT_MEMBERS =
            "select id, account_id, username, display_name, role, groups, available, last_seen_at from app_user ";

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TeamMember> members(UUID accountId) {
        List<MemberRow> rows = jdbc.sql(SELECT_MEMBERS + "where account_id = :accountId order by created_at, username")
                .param("accountId", accountId).query(TeamRepository::row).list();
        return withStages(accountId, rows);
    }

    Optional<TeamMember> member(UUID accountId, UUID userId) {
        return jdbc.sql(SELECT_MEMBERS + "where account_id = :accountId and id = :id")
                .param("accountId", accountId).param("id", userId).query(TeamRepository::row).optional()
                .map(row -> row.member(stagesOf(userId)));
    }

    /** The account's available managers seen at {@code seenSince} or later, oldest first. */
    List<TeamMember> availableManagersSeenSince(UUID accountId, Instant seenSince) {
        List<MemberRow> rows = jdbc.sql(SELECT_MEMBERS + """
                where account_id = :accountId and role = :role and available and last_seen_at >= :since
                order by created_at, username""")
                .param("accountId", accountId).param("role", Role.MANAGER.name()).param("since", at(seenSince))
                .query(TeamRepository::row).list();
        return withStages(accountId, rows);
    }

    /**
     * Records that the user was seen {@code now}, unless a visit after {@code writtenAfter} is stored already: most
     * requests then change nothing, and the row is written at most once per interval however many nodes serve them.
     */
    boolean seen(UUID userId, Instant now, Instant writtenAfter) {
        return jdbc.sql("""
                update app_user set last_seen_at = :now
                where id = :id and (last_seen_at is null or last_seen_at < :after)""")
                .param("now", at(now)).param("id", userId).param("after", at(writtenAfter)).update() == 1;
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from app_user where username = :username")
                .param("username", username).query(Long.class).single() > 0;
    }

    UUID create(UUID accountId, String username, String passwordHash, Profile profile, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, account_id, username, password_hash, role, display_name, groups, available,
                                      created_at)
                values (:id, :accountId, :username, :hash, :role, :displayName, :groups, :available, :now)""")
                .param("id", id).param("accountId", accountId).param("username", username).param("hash", passwordHash)
                .param("role", profile.role().name()).param("displayName", profile.displayName())
                .param("groups", String.join(",", profile.groups())).param("available", profile.available())
                .param("now", at(now))
                .update();
        replaceStages(id, profile.stageIds());
        return id;
    }

    void update(UUID accountId, UUID userId, Profile profile) {
        jdbc.sql("""
                update app_user set role = :role, display_name = :displayName, groups = :groups, available = :available
                where account_id = :accountId and id = :id""")
                .param("role", profile.role().name()).param("displayName", profile.displayName())
                .param("groups", String.join(",", profile.groups())).param("available", profile.available())
                .param("accountId", accountId).param("id", userId)
                .update();
        replaceStages(userId, profile.stageIds());
    }

    void changePassword(UUID accountId, UUID userId, String passwordHash) {
        jdbc.sql("update app_user set password_hash = :hash where account_id = :accountId and id = :id")
                .param("hash", passwordHash).param("accountId", accountId).param("id", userId).update();
    }

    void setAvailable(UUID accountId, UUID userId, boolean available) {
        jdbc.sql("update app_user set available = :available where account_id = :accountId and id = :id")
                .param("available", available).param("accountId", accountId).param("id", userId).update();
    }

    /**
     * The account's owners, their rows locked until the transaction ends: two requests demoting the last two owners
     * at once are served one after the other, so the second sees that only one is left.
     */
    List<UUID> lockOwners(UUID accountId) {
        return jdbc.sql("select id from app_user where account_id = :accountId and role = :role order by id for update")
                .param("accountId", accountId).param("role", Role.OWNER.name()).query(UUID.class).list();
    }

    private void replaceStages(UUID userId, Collection<UUID> stageIds) {
        jdbc.sql("delete from app_user_stage where user_id = :id").param("id", userId).update();
        for (UUID stageId : stageIds) {
            jdbc.sql("insert into app_user_stage (user_id, stage_id) values (:id, :stageId)")
                    .param("id", userId).param("stageId", stageId).update();
        }
    }

    private List<TeamMember> withStages(UUID accountId, List<MemberRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<UUID>> stages = jdbc.sql("""
                select s.user_id, s.stage_id from app_user_stage s join app_user u on u.id = s.user_id
                where u.account_id = :accountId""")
                .param("accountId", accountId)
                .query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getObject("stage_id", UUID.class)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
        return rows.stream().map(row -> row.member(stages.getOrDefault(row.id(), Set.of()))).toList();
    }

    private Set<UUID> stagesOf(UUID userId) {
        return Set.copyOf(jdbc.sql("select stage_id from app_user_stage where user_id = :id")
                .param("id", userId).query(UUID.class).list());
    }

    private static MemberRow row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime lastSeen = rs.getObject("last_seen_at", OffsetDateTime.class);
        String groups = rs.getString("groups");
        return new MemberRow(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                groups.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(groups.split(","))),
                rs.getBoolean("available"), lastSeen == null ? null : lastSeen.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** What a user's profile says; groups and stages already checked. */
    record Profile(String displayName, Role role, Set<String> groups, Set<UUID> stageIds, boolean available) {
    }

    private record MemberRow(UUID id, UUID accountId, String username, String displayName, Role role,
            Set<String> groups, boolean available, Instant lastSeenAt) {

        TeamMember member(Set<UUID> stageIds) {
            return new TeamMember(id, accountId, username, displayName, role, groups, stageIds, available, lastSeenAt);
        }
    }
}
