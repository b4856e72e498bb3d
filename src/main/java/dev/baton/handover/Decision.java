package dev.baton.handover;

import java.util.List;

/**
 * Whether to hand over, the reasons in their fixed order, and the evidence behind each: the rule that fired and
 * on what (the matched phrase, the similarity, the count of exclamation marks, the repeated reply).
 */
public record Decision(boolean handover, List<HandoverReason> reasons, List<Evidence> evidence) {

    public Decision {
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
    }

    public static Decision of(List<Evidence> evidence) {
        List<HandoverReason> reasons = evidence.stream().map(Evidence::reason).distinct().sorted().toList();
        return new Decision(!reasons.isEmpty(), reasons, evidence);
    }

    /** One rule's finding: {@code rule} names the check inside the reason ("phrase", "similarity", "capitals"). */
    public record Evidence(HandoverReason reason, String rule, String detail) {
    }
}
