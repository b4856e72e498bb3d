package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.Situation.AgentSignals;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** An order or customer lookup found nothing, or the store integration is down: a person must look. */
@Component
class DataNotFoundRule implements TriggerRule {

    @Override
    public HandoverReason reason() {
        return HandoverReason.DATA_NOT_FOUND;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        AgentSignals agent = conversation.situation().agent();
        List<Evidence> evidence = new ArrayList<>();
        if (agent.lookupFoundNothing()) {
            evidence.add(new Evidence(reason(), "lookup", "the order or customer lookup found nothing"));
        }
        if (agent.integrationDown()) {
            evidence.add(new Evidence(reason(), "integration", "the store integration is down"));
        }
        return evidence;
    }
}
