package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The shopper reports a crash, a failed payment or a bug; or Baton's own model or tool failed while answering. */
@Component
class TechnicalIssueRule implements TriggerRule {

    private final PhraseList phrases = PhraseList.load("technical_issue");

    @Override
    public HandoverReason reason() {
        return HandoverReason.TECHNICAL_ISSUE;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        List<Evidence> evidence = new ArrayList<>();
        phrases.find(conversation.lastCustomerWords())
                .ifPresent(phrase -> evidence.add(new Evidence(reason(), "phrase", "matched " + phrase)));
        if (conversation.situation().agent().toolOrModelFailed()) {
            evidence.add(new Evidence(reason(), "agent failure", "the model or a tool failed while answering"));
        }
        return evidence;
    }
}
