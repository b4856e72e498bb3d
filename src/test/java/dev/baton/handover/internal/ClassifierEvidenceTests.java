package dev.baton.handover.internal;

import dev.baton.handover.Decision;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.Situation;
import dev.baton.handover.Situation.Turn;
import dev.baton.handover.internal.HandoverClassifier.Judgment;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a classifier's probabilities become a decision's evidence: the account's threshold per reason, the reason's
 * switch, the last few messages read together for a complaint, and what the decision says of the classifiers. The
 * classifier here answers fixed probabilities per text, so each case is exact; the trained models' own figures are
 * {@code HandoverClassifierHeldOutTests}'.
 */
class ClassifierEvidenceTests {

    private static final UUID ACCOUNT = UUID.randomUUID();

    /** A classifier that answers the probabilities given for a text, and 0.01 for every other judgment and text. */
    static HandoverClassifier answering(Map<String, Map<Judgment, Double>> byText) {
        return new HandoverClassifier("test-classifiers-1", Map.of()) {
            @Override
            boolean loaded() {
                return true;
            }

            @Override
            double probability(String text, Judgment judgment) {
                return classify(text).get(judgment);
            }

            @Override
            Map<Judgment, Double> classify(String text) {
                Map<Judgment, Double> probabilities = new EnumMap<>(Judgment.class);
                for (Judgment judgment : Judgment.values()) {
                    probabilities.put(judgment, byText.getOrDefault(text, Map.of()).getOrDefault(judgment, 0.01));
                }
                return probabilities;
            }
        };
    }

    private static Decision decide(HandoverClassifier classifier, RuleBook book, String... customerMessages) {
        List<Turn> turns = new java.util.ArrayList<>();
        for (String message : customerMessages) {
            if (!turns.isEmpty()) {
                turns.add(Turn.agent("I see. Let me check that for you."));
            }
            turns.add(Turn.customer(message));
        }
        return TestHandoverRules.with(book, classifier).evaluate(ACCOUNT, Situation.of(turns));
    }

    private static RuleBook defaults() {
        return HandoverProperties.defaults().ruleBook();
    }

    private static RuleBook with(HandoverReason reason, boolean enabled, double threshold) {
        RuleBook defaults = defaults();
        Map<HandoverReason, RuleSetting> settings = new EnumMap<>(defaults.settings());
        settings.put(reason, defaults.of(reason).with(enabled, Map.of("classifier", threshold)));
        return new RuleBook(settings);
    }

    @Test
    void aProbabilityAtTheThresholdHandsOverWithTheClassifierAsEvidence() {
        String text = "the zipper broke on day two";
        HandoverClassifier classifier = answering(Map.of(text, Map.of(Judgment.COMPLAINT, 0.91)));

        Decision decision = decide(classifier, defaults(), text);

        assertThat(decision.reasons()).containsExactly(HandoverReason.NEGATIVE_EMOTION);
        assertThat(decision.evidence()).containsExactly(
                new Decision.Evidence(HandoverReason.NEGATIVE_EMOTION, "classifier", "complaint 0.91"));
        assertThat(decision.classifier().version()).isEqualTo("test-classifiers-1");
        assertThat(decision.classifier().probabilities()).containsEntry(HandoverReason.NEGATIVE_EMOTION, 0.91)
                .containsEntry(HandoverReason.HUMAN_REQUESTED, 0.01).containsEntry(HandoverReason.SENSITIVE_DATA, 0.01)
                .hasSize(3);
    }

    @Test
    void eachReasonHasItsOwnThresholdPerAccount() {
        String text = "the zipper broke on day two";
        HandoverClassifier classifier = answering(Map.of(text, Map.of(Judgment.COMPLAINT, 0.3,
                Judgment.SENSITIVE, 0.3, Judgment.PERSON, 0.3)));

        assertThat(decide(classifier, defaults(), text).handover()).as("0.3 is below every default").isFalse();
        assertThat(decide(classifier, with(HandoverReason.SENSITIVE_DATA, true, 0.25), text).reasons())
                .containsExactly(HandoverReason.SENSITIVE_DATA);
        assertThat(decide(classifier, with(HandoverReason.HUMAN_REQUESTED, true, 0.3), text).evidence())
                .containsExactly(new Decision.Evidence(HandoverReason.HUMAN_REQUESTED, "classifier", "person 0.30"));
    }

    @Test
    void aReasonSwitchedOffIsNeverAddedAndOneLeavesItToTheRules() {
        String text = "i lost my card";
        HandoverClassifier classifier = answering(Map.of(text, Map.of(Judgment.SENSITIVE, 0.99)));

        assertThat(decide(classifier, defaults(), text).reasons()).containsExactly(HandoverReason.SENSITIVE_DATA);
        assertThat(decide(classifier, with(HandoverReason.SENSITIVE_DATA, false, 0.5), text).handover()).isFalse();
        assertThat(decide(classifier, with(HandoverReason.SENSITIVE_DATA, true, 1.0), text).handover()).isFalse();
    }

    @Test
    void frustrationThatBuildsOverThreeMessagesHandsOverButAThanksAfterItDoesNot() {
        String first = "where is my parcel";
        String second = "any news on it";
        String third = "it has been a while now";
        String together = String.join("\n", first, second, third);
        String thanks = "ok thanks";
        HandoverClassifier classifier = answering(Map.of(first, Map.of(Judgment.COMPLAINT, 0.2),
                second, Map.of(Judgment.COMPLAINT, 0.3), third, Map.of(Judgment.COMPLAINT, 0.35),
                together, Map.of(Judgment.COMPLAINT, 0.8),
                String.join("\n", second, third, thanks), Map.of(Judgment.COMPLAINT, 0.7)));

        Decision built = decide(classifier, defaults(), first, second, third);
        Decision afterThanks = decide(classifier, defaults(), first, second, third, thanks);

        assertThat(built.evidence()).containsExactly(new Decision.Evidence(HandoverReason.NEGATIVE_EMOTION,
                "classifier", "complaint 0.80 over the last 3 messages"));
        assertThat(afterThanks.handover()).as("the last message alone is far from a complaint").isFalse();
        assertThat(decide(classifier, defaults(), third).handover()).as("the third message alone").isFalse();
    }

    @Test
    void exclamationMarksAloneDoNotHandOverAHappyMessageButStillDoAnAnnoyedOne() {
        String happy = "Me encantó la chaqueta, llegó rapidísimo!!!";
        String annoyed = "Where is my parcel!!!";
        String insulting = "you are useless idiots!!!";
        HandoverClassifier classifier = answering(Map.of(happy, Map.of(Judgment.COMPLAINT, 0.03),
                annoyed, Map.of(Judgment.COMPLAINT, 0.3), insulting, Map.of(Judgment.COMPLAINT, 0.05)));
        HandoverClassifier none = new HandoverClassifier(null, Map.of());

        assertThat(decide(none, defaults(), happy).reasons()).as("the rules alone").containsExactly(
                HandoverReason.NEGATIVE_EMOTION);
        assertThat(decide(classifier, defaults(), happy).handover()).isFalse();
        assertThat(decide(classifier, defaults(), annoyed).evidence()).extracting(Decision.Evidence::rule)
                .containsExactly("exclamation marks");
        assertThat(decide(classifier, defaults(), insulting).evidence()).as("angry words are not style")
                .extracting(Decision.Evidence::rule).contains("anger", "exclamation marks");
    }

    @Test
    void withoutLoadedModelsTheDecisionSaysSoAndTheRulesStillDecide() {
        HandoverClassifier none = new HandoverClassifier(null, Map.of());

        Decision decision = decide(none, defaults(), "I want to talk to a human");

        assertThat(decision.reasons()).containsExactly(HandoverReason.HUMAN_REQUESTED);
        assertThat(decision.evidence()).extracting(Decision.Evidence::rule).doesNotContain("classifier");
        assertThat(decision.classifier()).isEqualTo(Decision.Classifier.NONE);
        assertThat(decision.classifier().version()).isNull();
    }
}
