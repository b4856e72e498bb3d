package dev.baton.handover.internal;

import dev.baton.handover.HandoverReason;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code baton.handover.*}: the rule settings of an account that has not changed them.
 *
 * @param disabled                 rules off by default
 * @param humanSimilarity          embedding similarity to a "talk to a person" phrase that counts as asking
 * @param emotionScore             a message's anger score that hands over
 * @param capitalsShare            share of upper-case letters that counts as shouting...
 * @param capitalsMinLetters       ...in a message of at least this many letters
 * @param exclamationMarks         exclamation marks in one message that count as anger
 * @param emotionTrendFrom         a rising score over the last three customer messages hands over from here
 * @param directQuestionTurns      ungrounded answers in a row to a direct question before handing over
 * @param vagueTurns               ungrounded answers in a row to vague messages before handing over
 * @param repeatSimilarity         word similarity (0-1) at which a reply or question counts as repeated
 * @param repeatLastReplies        how many of the agent's last replies a draft is compared with
 * @param vipLifetimeSpend         lifetime spend from which a contact is a VIP
 * @param vipOrderCount            order count from which a contact is a VIP
 * @param vipTags                  store tags that make a contact a VIP (any case)
 * @param classifierPerson         the trained classifier's probability that a message asks for a person, from which
 *                                 it hands over ({@code HUMAN_REQUESTED}); 1 leaves the reason to the rules
 * @param classifierComplaint      the same for a complaint or anger ({@code NEGATIVE_EMOTION})
 * @param classifierSensitive      the same for a sensitive account or payment matter ({@code SENSITIVE_DATA})
 */
@ConfigurationProperties("baton.handover")
record HandoverProperties(
        @DefaultValue("") Set<HandoverReason> disabled,
        @DefaultValue("0.55") double humanSimilarity,
        @DefaultValue("1.0") double emotionScore,
        @DefaultValue("0.7") double capitalsShare,
        @DefaultValue("12") int capitalsMinLetters,
        @DefaultValue("3") int exclamationMarks,
        @DefaultValue("0.5") double emotionTrendFrom,
        @DefaultValue("1") int directQuestionTurns,
        @DefaultValue("2") int vagueTurns,
        @DefaultValue("0.8") double repeatSimilarity,
        @DefaultValue("3") int repeatLastReplies,
        @DefaultValue("1000") BigDecimal vipLifetimeSpend,
        @DefaultValue("10") int vipOrderCount,
        @DefaultValue("vip") List<String> vipTags,
        @DefaultValue("" + DEFAULT_CLASSIFIER_PERSON) double classifierPerson,
        @DefaultValue("" + DEFAULT_CLASSIFIER_COMPLAINT) double classifierComplaint,
        @DefaultValue("" + DEFAULT_CLASSIFIER_SENSITIVE) double classifierSensitive) {

    /** The classifiers' default thresholds: docs/handover-classifiers.md says how they were chosen. */
    static final double DEFAULT_CLASSIFIER_PERSON = 0.35;
    static final double DEFAULT_CLASSIFIER_COMPLAINT = 0.55;
    static final double DEFAULT_CLASSIFIER_SENSITIVE = 0.45;

    static HandoverProperties defaults() {
        return new HandoverProperties(Set.of(), 0.55, 1.0, 0.7, 12, 3, 0.5, 1, 2, 0.8, 3, new BigDecimal("1000"), 10,
                List.of("vip"), DEFAULT_CLASSIFIER_PERSON, DEFAULT_CLASSIFIER_COMPLAINT, DEFAULT_CLASSIFIER_SENSITIVE);
    }

    /** Every rule with these defaults. */
    RuleBook ruleBook() {
        Map<HandoverReason, RuleSetting> settings = new EnumMap<>(HandoverReason.class);
        for (HandoverReason reason : HandoverReason.values()) {
            settings.put(reason, new RuleSetting(reason, !disabled.contains(reason), thresholds(reason)));
        }
        return new RuleBook(settings);
    }

    private Map<String, Object> thresholds(HandoverReason reason) {
        Map<String, Object> thresholds = new LinkedHashMap<>();
        switch (reason) {
            case HUMAN_REQUESTED -> {
                thresholds.put("classifier", classifierPerson);
                thresholds.put("similarity", humanSimilarity);
            }
            case SENSITIVE_DATA -> thresholds.put("classifier", classifierSensitive);
            case NEGATIVE_EMOTION -> {
                thresholds.put("classifier", classifierComplaint);
                thresholds.put("score", emotionScore);
                thresholds.put("capitalsShare", capitalsShare);
                thresholds.put("capitalsMinLetters", capitalsMinLetters);
                thresholds.put("exclamationMarks", exclamationMarks);
                thresholds.put("trendFrom", emotionTrendFrom);
            }
            case OUT_OF_KNOWLEDGE -> {
                thresholds.put("directQuestionTurns", directQuestionTurns);
                thresholds.put("vagueTurns", vagueTurns);
            }
            case REPEATED_RESPONSE -> {
                thresholds.put("similarity", repeatSimilarity);
                thresholds.put("lastReplies", repeatLastReplies);
            }
            case VIP -> {
                thresholds.put("lifetimeSpend", vipLifetimeSpend);
                thresholds.put("orderCount", vipOrderCount);
                thresholds.put("tags", List.copyOf(vipTags));
            }
            default -> {
            }
        }
        return thresholds;
    }
}
