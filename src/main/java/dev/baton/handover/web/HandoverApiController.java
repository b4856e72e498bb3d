package dev.baton.handover.web;

import dev.baton.account.CurrentAccount;
import dev.baton.handover.Decision;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.HandoverRules;
import dev.baton.handover.internal.HandoverSettings;
import dev.baton.handover.internal.HandoverSettings.RuleChange;
import dev.baton.handover.internal.RuleBook;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The handover decision alone, for host CRMs and tests, and the account's rule settings. */
@Tag(name = "Handover", description = "When the agent hands a conversation to a person, and why")
@RestController
@RequestMapping("/api/v1/handover")
class HandoverApiController {

    private final HandoverRules rules;
    private final HandoverSettings settings;
    private final CurrentAccount account;

    HandoverApiController(HandoverRules rules, HandoverSettings settings, CurrentAccount account) {
        this.rules = rules;
        this.settings = settings;
        this.account = account;
    }

    @Operation(summary = "Whether to hand the conversation to a person: {messages: [{role: customer|agent, text}], "
            + "contact?, agent?, draftReply?} (1 to 200 messages of up to 4,096 characters); the answer names every "
            + "reason and the evidence for it")
    @PostMapping("/evaluate")
    Decision evaluate(@RequestBody(required = false) EvaluateRequest request) {
        if (request == null) {
            throw BatonException.badRequest("The body must be a JSON object with \"messages\".");
        }
        return rules.evaluate(account.id(), request.situation());
    }

    record RuleView(HandoverReason reason, boolean enabled, Map<String, Object> thresholds) {
    }

    record RulesView(List<RuleView> rules) {

        static RulesView of(RuleBook book) {
            return new RulesView(book.inOrder().stream()
                    .map(rule -> new RuleView(rule.reason(), rule.enabled(), rule.thresholds())).toList());
        }
    }

    record RuleChangeRequest(String reason, Boolean enabled, Map<String, Object> thresholds) {
    }

    record RulesChangeRequest(List<RuleChangeRequest> rules) {
    }

    @Operation(summary = "Every rule's switch and thresholds for this account (the defaults where it changed none)")
    @GetMapping("/rules")
    RulesView rules() {
        return RulesView.of(settings.forAccount(account.id()));
    }

    @Operation(summary = "Change rules: {rules: [{reason, enabled?, thresholds?: {name: value}}]}; a rule or threshold "
            + "not named keeps its value; all changes apply or none")
    @PutMapping("/rules")
    RulesView change(@RequestBody(required = false) RulesChangeRequest request) {
        if (request == null || request.rules() == null || request.rules().isEmpty()) {
            throw BatonException.badRequest("Name at least one rule to change: {\"rules\": [{\"reason\": ..., "
                    + "\"enabled\": ..., \"thresholds\": {...}}]}.");
        }
        List<RuleChange> changes = request.rules().stream()
                .map(rule -> new RuleChange(reason(rule.reason()), rule.enabled(), rule.thresholds())).toList();
        return RulesView.of(settings.change(account.id(), changes));
    }

    private static HandoverReason reason(String code) {
        return Arrays.stream(HandoverReason.values()).filter(reason -> reason.name().equals(code)).findFirst()
                .orElseThrow(() -> BatonException.badRequest("Unknown reason \"" + code + "\"; the reasons are "
                        + Arrays.toString(HandoverReason.values()) + "."));
    }
}
