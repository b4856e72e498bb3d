package dev.baton.handover.web;

import dev.baton.account.CurrentAccount;
import dev.baton.handover.internal.TransferSettings;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How a handover happens for the account: transition texts, office hours, summary, stage, SLA, VIP group. */
@Tag(name = "Handover", description = "When the agent hands a conversation to a person, and why")
@RestController
@RequestMapping("/api/v1/handover/settings")
class TransferSettingsApiController {

    private final TransferSettings settings;
    private final CurrentAccount account;

    TransferSettingsApiController(TransferSettings settings, CurrentAccount account) {
        this.settings = settings;
        this.account = account;
    }

    @Operation(summary = "The transition texts per language (the account's own or the default), office hours, the "
            + "summary switch, the stage handed-over leads move to, SLA minutes per priority and the VIP group")
    @GetMapping
    TransferSettings.View get() {
        return settings.view(account.id());
    }

    @Operation(summary = "Change any of: transitionMessages / offlineMessages {language: text} (blank: the default; "
            + "{when} in the offline text says when a person replies), officeHours {monday: \"09:00-18:00\", ...} "
            + "({} = always), summaryEnabled, moveToStageId (or clearMoveToStage: true), slaMinutes {URGENT, HIGH, "
            + "NORMAL}, vipGroup")
    @PutMapping
    TransferSettings.View change(@RequestBody(required = false) TransferSettings.Change change) {
        if (change == null) {
            throw BatonException.badRequest("The body must be a JSON object with the settings to change.");
        }
        return settings.change(account.id(), change);
    }
}
