package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Requests only a person may grant: a refund outside the window, compensation, goodwill, price matching, custom
 * deals, wholesale prices.
 */
@Component
class SpecialPolicyRule implements TriggerRule {

    private final PhraseList phrases = PhraseList.load("special_policy");

    @Override
    public HandoverReason reason() {
        return HandoverReason.SPECIAL_POLICY;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        return phrases.find(conversation.lastCustomerWords())
                .map(phrase -> List.of(new Evidence(reason(), "phrase", "matched " + phrase)))
                .orElse(List.of());
    }
}
