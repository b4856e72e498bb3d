package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import org.springframework.stereotype.Component;

import java.util.List;

/** The contact continues an issue still open on another channel, where a person may already be on it. */
@Component
class ChannelSwitchRule implements TriggerRule {

    @Override
    public HandoverReason reason() {
        return HandoverReason.CHANNEL_SWITCH;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        return conversation.situation().contact().openIssueOnAnotherChannel()
                ? List.of(new Evidence(reason(), "open issue", "the contact has an open issue on another channel"))
                : List.of();
    }
}
