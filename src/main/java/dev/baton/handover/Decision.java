package dev.baton.handover;

import java.util.List;
import java.util.Map;

/**
 * Whether to hand over, the reasons in their fixed order, and the evidence behind each: the rule that fired and
 * on what (the matched phrase, the similarity, the count of exclamation marks, the repeated reply, the trained
 * classifier's probability), and which classifiers judged the message.
 */
public record Decision(boolean handover, List<HandoverReason> reasons, List<Evidence> evidence, Classifier classifier) {

    public Decision {
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        classifier = classifier == null ? Classifier.NONE : classifier;
    }

    public static Decision of(List<Evidence> evidence) {
        return of(evidence, Classifier.NONE);
    }

    public static Decision of(List<Evidence> evidence, Classifier classifier) {
        List<HandoverReason> reasons = evidence.stream().map(Evidence::reason).distinct().sorted().toList();
        return new Decision(!reasons.isEmpty(), reasons, evidence, classifier);
    }

    /** One rule's finding: {@code rule} names the check inside the reason ("phrase", "similarity", "classifier"). */
    public record Evidence(HandoverReason reason, String rule, String detail) {
    }

    /**
     * The trained classifiers behind the decision: their version ({@code null} when none is loaded, and the rules
     * decided alone) and the probability each gave the last customer message, by the reason it stands for.
     */
    public record Classifier(String version, Map<HandoverReason, Double> probabilities) {

        public static final Classifier NONE = new Classifier(null, Map.of());

        public Classifier {
            probabilities = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(probabilities));
        }
    }
}
