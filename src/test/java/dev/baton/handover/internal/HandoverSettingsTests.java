package dev.baton.handover.internal;

import dev.baton.handover.Decision;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.LabelledSet;
import dev.baton.handover.Situation;
import dev.baton.handover.Situation.ContactFacts;
import dev.baton.handover.Situation.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The switches and thresholds decide: a rule switched off never fires, and a threshold moves the outcome. */
class HandoverSettingsTests {

    static final UUID ACCOUNT = UUID.randomUUID();

    static RuleBook changed(HandoverReason reason, boolean enabled, Map<String, Object> thresholds) {
        Map<HandoverReason, RuleSetting> settings = new EnumMap<>(HandoverProperties.defaults().ruleBook().settings());
        settings.put(reason, settings.get(reason).with(enabled, thresholds));
        return new RuleBook(settings);
    }

    @ParameterizedTest
    @EnumSource(HandoverReason.class)
    void aDisabledRuleNeverFiresOnTheLabelledSet(HandoverReason reason) {
        HandoverRuleEngine rules = TestHandoverRules.with(changed(reason, false, Map.of()));
        List<LabelledSet.Item> expecting = LabelledSet.load().stream().filter(item -> item.expected().contains(reason)).toList();

        assertThat(expecting).isNotEmpty();
        assertThat(expecting).allSatisfy(item -> assertThat(rules.evaluate(ACCOUNT, item.situation()).reasons())
                .doesNotContain(reason));
    }

    @Test
    void theDefaultsComeFromTheProperties() {
        HandoverProperties properties = new HandoverProperties(java.util.Set.of(HandoverReason.VIP), 0.8, 1, 0.7, 12, 3,
                0.5, 1, 2, 0.8, 3, new BigDecimal("50"), 10, List.of("gold"), 0.6, 0.7, 0.8);

        assertThat(properties.ruleBook().of(HandoverReason.VIP).enabled()).isFalse();
        assertThat(properties.ruleBook().of(HandoverReason.VIP).thresholds())
                .containsEntry("lifetimeSpend", new BigDecimal("50")).containsEntry("tags", List.of("gold"));
    }

    @Test
    void moreExclamationMarksNeededLeavesThreeAlone() {
        // the rules alone: with the classifiers, exclamation marks count only where the message does not read calm
        HandoverClassifier none = new HandoverClassifier(null, Map.of());
        Situation excited = Situation.of(List.of(Turn.customer("Where is it!!!")));

        assertThat(TestHandoverRules.with(HandoverProperties.defaults().ruleBook(), none).evaluate(ACCOUNT, excited)
                .reasons()).containsExactly(HandoverReason.NEGATIVE_EMOTION);
        assertThat(TestHandoverRules.with(changed(HandoverReason.NEGATIVE_EMOTION, true, Map.of("exclamationMarks", 4)),
                none).evaluate(ACCOUNT, excited).handover()).isFalse();
    }

    @Test
    void aStoreTagAndALowerSpendMakeAVip() {
        Situation regular = new Situation(List.of(Turn.customer("hello")),
                new ContactFacts(new BigDecimal("300"), 2, List.of("Gold"), false), null, null);

        assertThat(TestHandoverRules.withDefaults().evaluate(ACCOUNT, regular).handover()).isFalse();
        Decision byTag = TestHandoverRules.with(changed(HandoverReason.VIP, true, Map.of("tags", List.of("gold"))))
                .evaluate(ACCOUNT, regular);
        Decision bySpend = TestHandoverRules.with(changed(HandoverReason.VIP, true, Map.of("lifetimeSpend", 300)))
                .evaluate(ACCOUNT, regular);
        assertThat(byTag.evidence()).extracting(Decision.Evidence::detail).containsExactly("tagged \"Gold\"");
        assertThat(bySpend.evidence()).extracting(Decision.Evidence::detail).containsExactly("300 >= 300");
    }

    @Test
    void vagueMessagesCanBeHandedOverAtTheFirstUngroundedTurn() {
        Situation vague = new Situation(List.of(Turn.customer("any ideas?")), null,
                new Situation.AgentSignals(true, false, false, false, false, 0), null);

        assertThat(TestHandoverRules.withDefaults().evaluate(ACCOUNT, vague).handover()).isFalse();
        assertThat(TestHandoverRules.with(changed(HandoverReason.OUT_OF_KNOWLEDGE, true, Map.of("vagueTurns", 1)))
                .evaluate(ACCOUNT, vague).reasons()).containsExactly(HandoverReason.OUT_OF_KNOWLEDGE);
    }
}
