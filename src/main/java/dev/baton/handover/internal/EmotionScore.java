package dev.baton.handover.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How angry or distressed one message reads, with the signals that make up the score. */
final class EmotionScore {

    private final PhraseList anger = PhraseList.load("anger");
    private final PhraseList annoyance = PhraseList.load("annoyance");
    private final PhraseList publicComplaint = PhraseList.load("public_complaint");
    private final PhraseList urgency = PhraseList.load("urgency");

    record Signal(String kind, String detail, double weight) {
    }

    record Scored(double score, List<Signal> signals) {
    }

    Scored score(String text, RuleSetting setting) {
        NormalizedText words = NormalizedText.of(text);
        List<Signal> signals = new ArrayList<>();
        phrase(anger, words, "anger", 1.0, signals);
        phrase(publicComplaint, words, "public complaint", 1.0, signals);
        phrase(urgency, words, "urgency", 1.0, signals);
        phrase(annoyance, words, "annoyance", 0.5, signals);
        capitals(text, setting, signals);
        exclamations(text, setting, signals);
        return new Scored(signals.stream().mapToDouble(Signal::weight).sum(), List.copyOf(signals));
    }

    private static void phrase(PhraseList list, NormalizedText words, String kind, double weight, List<Signal> signals) {
        list.find(words).ifPresent(phrase -> signals.add(new Signal(kind, "matched " + phrase, weight)));
    }

    private static void capitals(String text, RuleSetting setting, List<Signal> signals) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long upper = text.codePoints().filter(Character::isUpperCase).count();
        if (letters >= setting.number("capitalsMinLetters") && upper >= setting.number("capitalsShare") * letters) {
            signals.add(new Signal("capitals", String.format(Locale.ROOT, "%d of %d letters in capitals", upper, letters),
                    1.0));
        }
    }

    private static void exclamations(String text, RuleSetting setting, List<Signal> signals) {
        long marks = text.chars().filter(c -> c == '!' || c == '¡').count();
        if (marks >= setting.number("exclamationMarks")) {
            signals.add(new Signal("exclamation marks", marks + " exclamation marks", 1.0));
        }
    }
}
