package dev.baton.account.web;

import dev.baton.account.Accounts;
import dev.baton.account.BatonPrincipal;
import dev.baton.account.CurrentAccount;
import dev.baton.account.Role;
import dev.baton.account.TeamMember;
import dev.baton.account.internal.NewUser;
import dev.baton.account.internal.TeamEditor;
import dev.baton.shared.BatonException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Team page: who works in the account, who is online, and a form to add someone. Any signed-in user (managers
 * too) sets their own availability here or wherever the availability switch is shown.
 */
@Controller
class TeamPageController {

    private final TeamEditor team;
    private final CurrentAccount account;
    private final Accounts accounts;
    private final Clock clock;

    TeamPageController(TeamEditor team, CurrentAccount account, Accounts accounts, Clock clock) {
        this.team = team;
        this.account = account;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What the add form shows again after a mistake (a flash attribute, kept in the session); never the password. */
    record UserForm(String username, String displayName, String role, String groups) implements Serializable {

        static UserForm empty() {
            return new UserForm("", "", Role.MANAGER.name(), "");
        }
    }

    @GetMapping("/settings/team")
    String page(Model model) {
        UUID accountId = account.id();
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of(accounts.settings(accountId).timeZone());
        List<TeamMember> members = team.list(accountId);
        model.addAttribute("rows", members.stream().map(member -> TeamRow.of(member, team.online(member), now, zone)).toList())
                .addAttribute("roles", Role.values());
        me().flatMap(id -> members.stream().filter(member -> member.id().equals(id)).findFirst())
                .ifPresent(me -> model.addAttribute("me", me));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", UserForm.empty());
        }
        return "team/index";
    }

    @PostMapping("/settings/team/users")
    String add(UserForm form, @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        try {
            TeamMember added = team.create(account.id(), new NewUser(form.username(), password, form.displayName(),
                    form.role(), typedGroups(form.groups()), List.of()));
            redirect.addFlashAttribute("message", "Added " + added.label() + " (" + added.role().name().toLowerCase()
                    + "). They sign in as '" + added.username() + "' with the password you chose.");
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage()).addFlashAttribute("form", form);
        }
        return "redirect:/settings/team";
    }

    /**
     * The signed-in user's availability. htmx gets the switch back (and an {@code availability-changed} event for
     * whatever else shows it); a plain form post goes back to the page it came from.
     */
    @PostMapping("/team/me/availability")
    String availability(@RequestParam boolean available,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "Referer", required = false) String referer, Model model,
            HttpServletResponse response) {
        UUID userId = me().orElseThrow(() -> BatonException.badRequest(
                "Baton does not know who you are in this session; sign out and in again."));
        TeamMember me = team.setAvailable(account.id(), userId, available);
        if (htmx == null) {
            return "redirect:" + localPath(referer);
        }
        response.setHeader("HX-Trigger", "availability-changed");
        model.addAttribute("me", me);
        return "team/availability :: switch";
    }

    private Optional<UUID> me() {
        BatonPrincipal principal = account.principal();
        return Optional.ofNullable(principal.userId());
    }

    private static List<String> typedGroups(String groups) {
        if (groups == null || groups.isBlank()) {
            return List.of();
        }
        return Arrays.stream(groups.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** Only a path on this site, so the redirect can never leave it. */
    private static String localPath(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            String path = UriComponentsBuilder.fromUriString(referer).build().getPath();
            return path == null || !path.startsWith("/") || path.startsWith("//") ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
