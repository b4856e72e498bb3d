package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Anger or distress: each customer message gets a score from insults and angry words, threats to complain in
 * public, urgency, shouting in capitals and exclamation marks; mild annoyance counts half. A high score on the last
 * message hands over, and so does a score that has risen over the last three messages.
 */
@Component
class NegativeEmotionRule implements TriggerRule {

    private final EmotionScore scorer = new EmotionScore();

    @Override
    public HandoverReason reason() {
        return HandoverReason.NEGATIVE_EMOTION;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        List<String> texts = conversation.customerTurns().stream().map(turn -> turn.text()).toList();
        if (texts.isEmpty()) {
            return List.of();
        }
        EmotionScore.Scored last = scorer.score(texts.get(texts.size() - 1), setting);
        if (last.score() >= setting.number("score")) {
            return last.signals().stream().map(signal -> new Evidence(reason(), signal.kind(), signal.detail())).toList();
        }
        return rising(texts, last, setting);
    }

    private List<Evidence> rising(List<String> texts, EmotionScore.Scored last, RuleSetting setting) {
        if (texts.size() < 3 || last.score() < setting.number("trendFrom")) {
            return List.of();
        }
        List<Double> scores = new ArrayList<>();
        for (String text : texts.subList(texts.size() - 3, texts.size() - 1)) {
            scores.add(scorer.score(text, setting).score());
        }
        scores.add(last.score());
        boolean rising = scores.get(0) <= scores.get(1) && scores.get(1) <= scores.get(2) && scores.get(0) < scores.get(2);
        if (!rising) {
            return List.of();
        }
        return List.of(new Evidence(reason(), "trend", String.format(Locale.ROOT,
                "scores of the last three messages %.1f, %.1f, %.1f", scores.get(0), scores.get(1), scores.get(2))));
    }
}
