package dev.baton.conversation.web;

import dev.baton.account.CurrentAccount;
import dev.baton.conversation.internal.ConversationSettings;
import dev.baton.conversation.internal.ConversationSettingsService;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The account's conversation settings: the satisfaction survey after a close, and closing quiet conversations. */
@Tag(name = "Conversations")
@RestController
@RequestMapping("/api/v1/conversations/settings")
class ConversationSettingsApiController {

    private final ConversationSettingsService settings;
    private final CurrentAccount account;

    ConversationSettingsApiController(ConversationSettingsService settings, CurrentAccount account) {
        this.settings = settings;
        this.account = account;
    }

    @Operation(summary = "Whether the satisfaction survey is sent after a close, after how many minutes without a "
            + "message the agent's conversations close (0: never), and the survey's texts per language")
    @GetMapping
    ConversationSettings get() {
        return settings.get(account.id());
    }

    @Operation(summary = "Change any of csatEnabled, idleCloseAfterMinutes (0 to 525600) and survey "
            + "({language: {question, thanks}}; a blank text goes back to the default)")
    @PutMapping
    ConversationSettings update(@RequestBody(required = false) ConversationSettings.Change change) {
        if (change == null) {
            throw BatonException.badRequest("The body must be a JSON object with any of 'csatEnabled', "
                    + "'idleCloseAfterMinutes' and 'survey'.");
        }
        return settings.update(account.id(), change);
    }
}
