package dev.baton.account.internal;

import dev.baton.account.Role;
import dev.baton.account.TeamMember;
import dev.baton.shared.BatonException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Adds and changes the account's users, for the users API and the Team page. */
@Service
public class TeamEditor {

    private final TeamRepository team;
    private final TeamService presence;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    TeamEditor(TeamRepository team, TeamService presence, PasswordEncoder passwordEncoder, Clock clock) {
        this.team = team;
        this.presence = presence;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public List<TeamMember> list(UUID accountId) {
        return team.members(accountId);
    }

    /** Another account's user is not found, as an unknown id is. */
    public TeamMember get(UUID accountId, UUID userId) {
        return team.member(accountId, userId).orElseThrow(() -> BatonException.notFound("User", userId));
    }

    public boolean online(TeamMember member) {
        return presence.online(member);
    }

    @Transactional
    public TeamMember create(UUID accountId, NewUser user) {
        String username = UserInput.username(user.username());
        String password = UserInput.password(user.password());
        var profile = new TeamRepository.Profile(UserInput.displayName(user.displayName()),
                user.role() == null ? Role.MANAGER : UserInput.role(user.role()), UserInput.groups(user.groups()),
                UserInput.stageIds(user.stageIds()), true);
        if (team.usernameTaken(username)) {
            throw taken(username);
        }
        try {
            UUID id = team.create(accountId, username, passwordEncoder.encode(password), profile, clock.instant());
            return get(accountId, id);
        } catch (DuplicateKeyException e) {
            // Someone took it between the check and the insert.
            throw taken(username);
        }
    }

    @Transactional
    public TeamMember update(UUID accountId, UUID userId, UserChanges changes) {
        TeamMember current = get(accountId, userId);
        Role role = changes.role() == null ? current.role() : UserInput.role(changes.role());
        var profile = new TeamRepository.Profile(
                changes.displayName() == null ? current.displayName() : UserInput.displayName(changes.displayName()),
                role,
                changes.groups() == null ? current.groups() : UserInput.groups(changes.groups()),
                changes.stageIds() == null ? current.stageIds() : UserInput.stageIds(changes.stageIds()),
                changes.available() == null ? current.available() : changes.available());
        String passwordHash = changes.password() == null ? null : passwordEncoder.encode(UserInput.password(changes.password()));
        if (current.role() == Role.OWNER && role != Role.OWNER && team.lockOwners(accountId).size() <= 1) {
            throw BatonException.conflict("'" + current.label() + "' is the account's only owner; make someone else "
                    + "an owner first.");
        }
        team.update(accountId, userId, profile);
        if (passwordHash != null) {
            team.changePassword(accountId, userId, passwordHash);
        }
        return get(accountId, userId);
    }

    /** A user says whether they take handed-over conversations now. */
    @Transactional
    public TeamMember setAvailable(UUID accountId, UUID userId, boolean available) {
        get(accountId, userId);
        team.setAvailable(accountId, userId, available);
        return get(accountId, userId);
    }

    private static BatonException taken(String username) {
        return BatonException.conflict("The username '" + username + "' is taken; choose another.");
    }
}
