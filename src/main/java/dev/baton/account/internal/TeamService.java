package dev.baton.account.internal;

import dev.baton.account.Team;
import dev.baton.account.TeamMember;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Service
class TeamService implements Team {

    /**
     * A visit is written at most this often per user. Nodes keep nothing in memory, so the database decides (a
     * conditional update); most page requests then change no row.
     */
    static final Duration SEEN_EVERY = Duration.ofSeconds(20);

    private final TeamRepository team;
    private final TeamProperties properties;
    private final Clock clock;

    TeamService(TeamRepository team, TeamProperties properties, Clock clock) {
        this.team = team;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<TeamMember> members(UUID accountId) {
        return team.members(accountId);
    }

    @Override
    public Optional<TeamMember> member(UUID accountId, UUID userId) {
        return team.member(accountId, userId);
    }

    @Override
    public List<TeamMember> onlineManagers(UUID accountId) {
        return team.availableManagersSeenSince(accountId, clock.instant().minus(properties.presenceWindow()));
    }

    @Override
    public void seen(UUID userId) {
        Instant now = clock.instant();
        team.seen(userId, now, now.minus(SEEN_EVERY));
    }

    /** Whether {@code member} counts as online now: available and seen within the presence window. */
    boolean online(TeamMember member) {
        return member.online(clock.instant(), properties.presenceWindow());
    }
}
