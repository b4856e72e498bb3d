package dev.baton.handover.internal;

import dev.baton.handover.Decision;
import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.Situation.Turn;
import dev.baton.handover.internal.HandoverClassifier.Judgment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trained classifiers' part of a decision: each judgment's probability for the last customer message, against
 * the threshold the account set for its reason ({@code classifier} among the reason's thresholds). A reason switched
 * off is never added, whatever the probability.
 *
 * <p>Frustration builds over turns, so a complaint is also judged on the last {@value #CONTEXT_MESSAGES} customer
 * messages read together: it counts when they reach the threshold and the last one alone reaches half of it (so a
 * "thanks" after an angry message does not hand over again). A request for a person and a sensitive matter are in
 * the message that asks, and are judged on it alone.
 */
final class ClassifierEvidence {

    static final int CONTEXT_MESSAGES = 3;

    private ClassifierEvidence() {
    }

    /** The evidence the classifiers add, and what they said, for the conversation under the account's rules. */
    record Result(List<Evidence> evidence, Decision.Classifier classifier) {
    }

    static Result judge(HandoverClassifier classifier, ConversationSoFar conversation, RuleBook book) {
        if (!classifier.loaded() || conversation.customerTurns().isEmpty()) {
            return new Result(List.of(), classifier.loaded()
                    ? new Decision.Classifier(classifier.version().orElse(null), Map.of()) : Decision.Classifier.NONE);
        }
        Map<Judgment, Double> last = classifier.classify(conversation.lastCustomerText());
        Map<Judgment, Double> context = context(classifier, conversation);
        List<Evidence> evidence = new ArrayList<>();
        Map<HandoverReason, Double> shown = new EnumMap<>(HandoverReason.class);
        for (Judgment judgment : Judgment.values()) {
            double probability = last.getOrDefault(judgment, 0.0);
            shown.put(judgment.reason(), Math.round(probability * 1000) / 1000.0);
            RuleSetting setting = book.of(judgment.reason());
            if (!setting.enabled()) {
                continue;
            }
            double threshold = setting.number("classifier");
            if (probability >= threshold) {
                evidence.add(new Evidence(judgment.reason(), "classifier", detail(judgment, probability, "")));
            } else if (judgment == Judgment.COMPLAINT && context.containsKey(judgment)
                    && context.get(judgment) >= threshold && probability >= threshold / 2) {
                evidence.add(new Evidence(judgment.reason(), "classifier", detail(judgment, context.get(judgment),
                        " over the last " + CONTEXT_MESSAGES + " messages")));
            }
        }
        return new Result(evidence, new Decision.Classifier(classifier.version().orElse(null), shown));
    }

    private static Map<Judgment, Double> context(HandoverClassifier classifier, ConversationSoFar conversation) {
        List<Turn> turns = conversation.customerTurns();
        if (turns.size() < 2) {
            return Map.of();
        }
        List<String> recent = turns.subList(Math.max(0, turns.size() - CONTEXT_MESSAGES), turns.size()).stream()
                .map(Turn::text).toList();
        return classifier.classify(String.join("\n", recent));
    }

    private static String detail(Judgment judgment, double probability, String where) {
        return String.format(Locale.ROOT, "%s %.2f%s", judgment.label(), probability, where);
    }
}
