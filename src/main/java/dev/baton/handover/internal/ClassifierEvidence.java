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
 * <p>Enthusiasm is not anger: when the only signs of anger the rules found are how a message is written (exclamation
 * marks, capitals) or haste ("right now", "asap") and the classifier reads it as calm (a complaint below
 * {@value #CALM_BELOW}), they do not hand over: "ME ENCANTÓ!!!" is a happy shopper, "which sizes are in stock right
 * now?" a calm one.
 *
 * <p>Frustration builds over turns, so a complaint is also judged on the last {@value #CONTEXT_MESSAGES} customer
 * messages read together: it counts when they reach the threshold and the last one alone reaches half of it (so a
 * "thanks" after an angry message does not hand over again). A request for a person and a sensitive matter are in
 * the message that asks, and are judged on it alone.
 */
final class ClassifierEvidence {

    static final int CONTEXT_MESSAGES = 3;

    /** A complaint probability below this reads as calm; shouting alone does not hand over then. */
    static final double CALM_BELOW = 0.2;

    /**
     * The anger rule's signals that say how a message is written, not what it says, and haste ("in stock right now?",
     * "asap"): none is anger in a message the classifier reads as calm.
     */
    private static final java.util.Set<String> STYLE = java.util.Set.of("exclamation marks", "capitals", "urgency");

    private ClassifierEvidence() {
    }

    /** The decision's evidence (the rules' and the classifiers'), and what the classifiers said. */
    record Result(List<Evidence> evidence, Decision.Classifier classifier) {
    }

    /** The rules' evidence with the classifiers' added, for the conversation under the account's rules. */
    static Result judge(HandoverClassifier classifier, ConversationSoFar conversation, RuleBook book,
            List<Evidence> rules) {
        if (!classifier.loaded() || conversation.customerTurns().isEmpty()) {
            return new Result(rules, classifier.loaded()
                    ? new Decision.Classifier(classifier.version().orElse(null), Map.of()) : Decision.Classifier.NONE);
        }
        Map<Judgment, Double> last = classifier.classify(conversation.lastCustomerText());
        double complaintInContext = complaintInContext(classifier, conversation);
        List<Evidence> evidence = new ArrayList<>(calmStyleLeftOut(rules, last.getOrDefault(Judgment.COMPLAINT, 0.0)));
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
            } else if (judgment == Judgment.COMPLAINT && complaintInContext >= threshold
                    && probability >= threshold / 2) {
                evidence.add(new Evidence(judgment.reason(), "classifier", detail(judgment, complaintInContext,
                        " over the last " + CONTEXT_MESSAGES + " messages")));
            }
        }
        return new Result(evidence, new Decision.Classifier(classifier.version().orElse(null), shown));
    }

    /** The rules' evidence less the anger rule's, when all it saw was style and the classifier reads calm. */
    private static List<Evidence> calmStyleLeftOut(List<Evidence> rules, double complaint) {
        List<Evidence> anger = rules.stream().filter(e -> e.reason() == HandoverReason.NEGATIVE_EMOTION).toList();
        boolean styleOnly = !anger.isEmpty() && anger.stream().allMatch(e -> STYLE.contains(e.rule()));
        if (!styleOnly || complaint >= CALM_BELOW) {
            return rules;
        }
        return rules.stream().filter(e -> e.reason() != HandoverReason.NEGATIVE_EMOTION).toList();
    }

    /** The complaint probability of the last few customer messages read together; 0 with only one. */
    private static double complaintInContext(HandoverClassifier classifier, ConversationSoFar conversation) {
        List<Turn> turns = conversation.customerTurns();
        if (turns.size() < 2) {
            return 0;
        }
        List<String> recent = turns.subList(Math.max(0, turns.size() - CONTEXT_MESSAGES), turns.size()).stream()
                .map(Turn::text).toList();
        return classifier.probability(String.join("\n", recent), Judgment.COMPLAINT);
    }

    private static String detail(Judgment judgment, double probability, String where) {
        return String.format(Locale.ROOT, "%s %.2f%s", judgment.label(), probability, where);
    }
}
