package dev.baton.handover.web;

import dev.baton.account.AccountSettings;
import dev.baton.account.Accounts;
import dev.baton.account.CurrentAccount;
import dev.baton.account.Team;
import dev.baton.handover.HandoverRules;
import dev.baton.handover.internal.HandoverSettings;
import dev.baton.handover.internal.RuleBook;
import dev.baton.handover.internal.TransferSettings;
import dev.baton.handover.internal.TransferSettings.Change;
import dev.baton.handover.internal.TransferSettings.View;
import dev.baton.pipeline.Leads;
import dev.baton.pipeline.PipelineStages;
import dev.baton.pipeline.Stage;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Handover settings page: when the agent hands a conversation to a person (the trigger rules) and how (the texts
 * the shopper reads, office hours, the summary, the lead's stage, reply times, the VIP group). Each section is its
 * own form: a plain POST that comes back to the page with a message in that section (htmx swaps the section alone);
 * after a mistake the section shows the service's message and what was typed, and nothing of it is saved.
 */
@Controller
@RequestMapping("/settings/handover")
class HandoverSettingsPageController {

    private final TransferSettings transfer;
    private final HandoverSettings rules;
    private final Leads leads;
    private final Accounts accounts;
    private final Team team;
    private final CurrentAccount account;
    private final Clock clock;
    private final HandoverRules handoverRules;

    HandoverSettingsPageController(TransferSettings transfer, HandoverSettings rules, Leads leads, Accounts accounts,
            Team team, CurrentAccount account, Clock clock, HandoverRules handoverRules) {
        this.transfer = transfer;
        this.handoverRules = handoverRules;
        this.rules = rules;
        this.leads = leads;
        this.accounts = accounts;
        this.team = team;
        this.account = account;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        UUID accountId = account.id();
        AccountSettings settings = accounts.settings(accountId);
        model.addAttribute("page", HandoverSettingsPage.of(transfer.view(accountId), rules.forAccount(accountId),
                leads.pipelines(accountId), team.members(accountId), settings.currency(),
                clock.instant().atZone(zone(settings)), typed(model)));
        model.addAttribute("classifierVersion", handoverRules.classifierVersion().orElse(null));
        return "handover/settings";
    }

    @PostMapping("/transition")
    String transition(@RequestParam Map<String, String> form, @RequestParam(required = false) String reset,
            RedirectAttributes redirect) {
        return save("transition", form, redirect, accountId -> {
            Map<String, String> changed = SettingsForm.changedTexts("transition", form,
                    transfer.view(accountId).transitionMessages(), reset);
            View saved = transfer.change(accountId, new Change(changed, null, null, null, null, null, null, null));
            return SavedMessages.texts("transition messages", changed, saved.ownTransitionMessages());
        });
    }

    @PostMapping("/offline")
    String offline(@RequestParam Map<String, String> form, @RequestParam(required = false) String reset,
            RedirectAttributes redirect) {
        return save("offline", form, redirect, accountId -> {
            Map<String, String> changed = SettingsForm.changedTexts("offline", form,
                    transfer.view(accountId).offlineMessages(), reset);
            View saved = transfer.change(accountId, new Change(null, changed, null, null, null, null, null, null));
            return SavedMessages.texts("\"nobody is here\" messages", changed, saved.ownOfflineMessages());
        });
    }

    @PostMapping("/hours")
    String officeHours(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return save("hours", form, redirect, accountId -> {
            View saved = transfer.change(accountId,
                    new Change(null, null, SettingsForm.officeHours(form), null, null, null, null, null));
            return SavedMessages.officeHours(saved.officeHours());
        });
    }

    @PostMapping("/summary")
    String summary(@RequestParam(defaultValue = "true") boolean enabled, RedirectAttributes redirect) {
        return save("summary", Map.of(), redirect, accountId -> {
            transfer.change(accountId, new Change(null, null, null, enabled, null, null, null, null));
            return enabled ? "Summaries on: managers get one with every handover."
                    : "Summaries off: managers read the conversation itself.";
        });
    }

    @PostMapping("/stage")
    String stage(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return save("stage", form, redirect, accountId -> {
            UUID stage = SettingsForm.stage(form.get("stage"));
            transfer.change(accountId, new Change(null, null, null, null, stage, stage == null, null, null));
            return stage == null ? "Saved: a handed-over lead stays in its stage."
                    : "Saved: a handed-over lead moves to " + stageName(accountId, stage) + ".";
        });
    }

    @PostMapping("/sla")
    String sla(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return save("sla", form, redirect, accountId -> {
            Map<String, Integer> minutes = SettingsForm.slaMinutes(form, transfer.view(accountId).slaMinutes().keySet());
            View saved = transfer.change(accountId, new Change(null, null, null, null, null, null, minutes, null));
            return SavedMessages.sla(saved.slaMinutes());
        });
    }

    @PostMapping("/vip")
    String vipGroup(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return save("vip", form, redirect, accountId -> {
            View saved = transfer.change(accountId,
                    new Change(null, null, null, null, null, null, null, form.getOrDefault("vipGroup", "")));
            return "Saved: VIP conversations go to the group \"" + saved.vipGroup() + "\".";
        });
    }

    @PostMapping("/triggers")
    String triggers(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return save("triggers", form, redirect, accountId -> {
            RuleBook saved = rules.change(accountId, SettingsForm.rules(form, rules.forAccount(accountId)));
            long on = saved.inOrder().stream().filter(rule -> rule.enabled()).count();
            return "Saved the triggers: " + on + " of " + saved.inOrder().size() + " on.";
        });
    }

    /**
     * Applies one section's change and goes back to that section with what happened; a refused change keeps what was
     * typed for the page to show again (flash attributes, never saved).
     */
    private String save(String section, Map<String, String> form, RedirectAttributes redirect,
            Function<UUID, String> change) {
        try {
            redirect.addFlashAttribute("message", change.apply(account.id())).addFlashAttribute("saved", section);
        } catch (BatonException e) {
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("_csrf");
            typed.remove("reset");
            redirect.addFlashAttribute("error", e.getMessage()).addFlashAttribute("errorSection", section)
                    .addFlashAttribute("typed", typed);
        }
        return "redirect:/settings/handover#" + section + "-result";
    }

    /** What the section refused a moment ago had in it (flash attributes of the redirect), if any. */
    @SuppressWarnings("unchecked")
    private static HandoverSettingsPage.Typed typed(Model model) {
        if (model.getAttribute("errorSection") instanceof String section
                && model.getAttribute("typed") instanceof Map<?, ?> fields) {
            return new HandoverSettingsPage.Typed(section, (Map<String, String>) fields);
        }
        return HandoverSettingsPage.Typed.NOTHING;
    }

    private String stageName(UUID accountId, UUID stageId) {
        for (PipelineStages pipeline : leads.pipelines(accountId)) {
            for (Stage stage : pipeline.stages()) {
                if (stage.id().equals(stageId)) {
                    return "\"" + stage.name() + "\" (" + pipeline.pipelineName() + ")";
                }
            }
        }
        return "the chosen stage";
    }

    private static ZoneId zone(AccountSettings settings) {
        try {
            return ZoneId.of(settings.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
