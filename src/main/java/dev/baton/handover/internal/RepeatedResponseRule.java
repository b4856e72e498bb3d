package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The conversation is going round in circles: the agent is about to send (nearly) what it already said in one of
 * its last replies, or the shopper asks again what they asked before. Near means the Jaccard similarity of the
 * two texts' words and word pairs; messages of a word or two ("thanks", "ok") are never counted as repeats, and
 * neither is the same answer to such a message (a second "hi" gets the same greeting: that is no loop).
 */
@Component
class RepeatedResponseRule implements TriggerRule {

    static final int MIN_WORDS = 3;

    @Override
    public HandoverReason reason() {
        return HandoverReason.REPEATED_RESPONSE;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        double limit = setting.number("similarity");
        List<Evidence> evidence = new ArrayList<>();
        String draft = conversation.situation().draftReply();
        List<NormalizedText> asked = conversation.customerWords();
        boolean substantial = !asked.isEmpty() && asked.get(asked.size() - 1).size() >= MIN_WORDS;
        if (draft != null && substantial) {
            NormalizedText draftWords = NormalizedText.of(draft);
            List<String> replies = conversation.agentRepliesNewestFirst();
            int compared = Math.min(replies.size(), (int) setting.number("lastReplies"));
            for (String reply : replies.subList(0, compared)) {
                double similarity = similarity(draftWords, NormalizedText.of(reply));
                if (similarity >= limit) {
                    evidence.add(new Evidence(reason(), "repeated reply", String.format(Locale.ROOT,
                            "%.2f similar to an earlier reply: \"%s\"", similarity, reply)));
                    break;
                }
            }
        }
        for (int i = asked.size() - 2; i >= 0; i--) {
            double similarity = similarity(asked.get(asked.size() - 1), asked.get(i));
            if (similarity >= limit) {
                evidence.add(new Evidence(reason(), "repeated question", String.format(Locale.ROOT,
                        "%.2f similar to the customer's earlier \"%s\"", similarity,
                        conversation.customerTurns().get(i).text())));
                break;
            }
        }
        return evidence;
    }

    static double similarity(NormalizedText a, NormalizedText b) {
        if (a.size() < MIN_WORDS || b.size() < MIN_WORDS) {
            return 0;
        }
        Set<String> first = shingles(a);
        Set<String> second = shingles(b);
        Set<String> common = new HashSet<>(first);
        common.retainAll(second);
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return (double) common.size() / all.size();
    }

    private static Set<String> shingles(NormalizedText text) {
        Set<String> shingles = new HashSet<>(text.words());
        for (int i = 0; i + 1 < text.size(); i++) {
            shingles.add(text.words().get(i) + " " + text.words().get(i + 1));
        }
        return shingles;
    }
}
