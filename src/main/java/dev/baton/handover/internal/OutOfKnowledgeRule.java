package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.Situation.AgentSignals;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The agent has no grounded answer: no source above the relevance threshold, or a reply that amounts to "I'm not
 * sure" / "I don't understand". A direct question hands over at the first such turn by default; vague messages
 * after two in a row, since the next message often makes them clear.
 */
@Component
class OutOfKnowledgeRule implements TriggerRule {

    private final PhraseList notSure = PhraseList.load("not_sure");

    @Override
    public HandoverReason reason() {
        return HandoverReason.OUT_OF_KNOWLEDGE;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        AgentSignals agent = conversation.situation().agent();
        String draft = conversation.situation().draftReply();
        boolean draftNotSure = draft != null && notSure.find(NormalizedText.of(draft)).isPresent();
        if (!agent.noGroundedAnswer() && !draftNotSure) {
            return List.of();
        }
        int turns = 1 + Math.max(agent.consecutiveUngrounded(), earlierNotSureReplies(conversation));
        String limitKey = agent.directQuestion() ? "directQuestionTurns" : "vagueTurns";
        if (turns < setting.number(limitKey)) {
            return List.of();
        }
        String why = agent.noGroundedAnswer() ? "no grounded answer" : "the draft reply says it is not sure";
        return List.of(new Evidence(reason(), agent.directQuestion() ? "direct question" : "vague message",
                why + ", " + turns + " turn(s) in a row"));
    }

    /** The agent's last replies in a row that said it was not sure. */
    private int earlierNotSureReplies(ConversationSoFar conversation) {
        int count = 0;
        for (String reply : conversation.agentRepliesNewestFirst()) {
            if (notSure.find(NormalizedText.of(reply)).isEmpty()) {
                break;
            }
            count++;
        }
        return count;
    }
}
