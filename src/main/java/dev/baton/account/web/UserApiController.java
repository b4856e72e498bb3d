package dev.baton.account.web;

import dev.baton.account.CurrentAccount;
import dev.baton.account.Role;
import dev.baton.account.TeamMember;
import dev.baton.account.internal.NewUser;
import dev.baton.account.internal.TeamEditor;
import dev.baton.account.internal.UserChanges;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The account's users: who signs in to the web UI, with which role, and what the handover may give them. */
@Tag(name = "Users", description = "The team: users, their roles, groups, allowed stages and presence")
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    private final TeamEditor team;
    private final CurrentAccount account;

    UserApiController(TeamEditor team, CurrentAccount account) {
        this.team = team;
        this.account = account;
    }

    record UserView(UUID id, String username, String displayName, Role role, List<String> groups,
            List<UUID> stageIds, boolean available, boolean online, Instant lastSeenAt) {
    }

    @Operation(summary = "The account's users, oldest first; 'online' is available and seen in the web UI within "
            + "baton.team.presence-window (default 2 minutes)")
    @GetMapping
    List<UserView> list() {
        return team.list(account.id()).stream().map(this::view).toList();
    }

    @Operation(summary = "One user")
    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id) {
        return view(team.get(account.id(), id));
    }

    @Operation(summary = "Add a user: {username, password (8+ characters), displayName?, role? (OWNER, ADMIN, "
            + "MANAGER; default MANAGER), groups?, stageIds? (none: every stage)}; 409 if the username is taken")
    @PostMapping
    ResponseEntity<UserView> create(@RequestBody NewUser request) {
        TeamMember created = team.create(account.id(), required(request));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(view(created));
    }

    @Operation(summary = "Change a user: any of {displayName, role, groups, stageIds, available, password}; "
            + "a field left out stays as it is; 409 when it would leave the account without an owner")
    @PutMapping("/{id}")
    UserView update(@PathVariable UUID id, @RequestBody UserChanges request) {
        return view(team.update(account.id(), id, required(request)));
    }

    private UserView view(TeamMember member) {
        return new UserView(member.id(), member.username(), member.displayName(), member.role(),
                member.groups().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                member.stageIds().stream().sorted(Comparator.comparing(UUID::toString)).toList(),
                member.available(), team.online(member), member.lastSeenAt());
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw BatonException.badRequest("The request needs a JSON body.");
        }
        return body;
    }
}
