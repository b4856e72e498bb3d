package dev.baton.handover.internal;

import dev.baton.handover.Decision;
import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.HandoverRules;
import dev.baton.handover.Situation;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Runs every enabled rule on the situation, and the trained classifiers beside them; the decision is to hand over if
 * any rule fired or a classifier reached its reason's threshold.
 */
@Service
class HandoverRuleEngine implements HandoverRules {

    private final List<TriggerRule> rules;
    private final RuleBooks ruleBooks;
    private final HandoverClassifier classifier;

    HandoverRuleEngine(List<TriggerRule> rules, RuleBooks ruleBooks, HandoverClassifier classifier) {
        this.rules = rules.stream().sorted(Comparator.comparing(TriggerRule::reason)).toList();
        this.ruleBooks = ruleBooks;
        this.classifier = classifier;
    }

    @Override
    public Decision evaluate(UUID accountId, Situation situation) {
        RuleBook book = ruleBooks.forAccount(accountId);
        ConversationSoFar conversation = new ConversationSoFar(situation);
        List<Evidence> evidence = new ArrayList<>();
        for (TriggerRule rule : rules) {
            RuleSetting setting = book.of(rule.reason());
            if (setting.enabled()) {
                evidence.addAll(rule.check(conversation, setting));
            }
        }
        ClassifierEvidence.Result classified = ClassifierEvidence.judge(classifier, conversation, book, evidence);
        return Decision.of(classified.evidence(), classified.classifier());
    }

    @Override
    public java.util.Optional<String> classifierVersion() {
        return classifier.version();
    }

    @Override
    public java.util.Set<HandoverReason> enabled(UUID accountId) {
        RuleBook book = ruleBooks.forAccount(accountId);
        java.util.Set<HandoverReason> enabled = java.util.EnumSet.noneOf(HandoverReason.class);
        for (HandoverReason reason : HandoverReason.values()) {
            if (book.of(reason).enabled()) {
                enabled.add(reason);
            }
        }
        return enabled;
    }
}
