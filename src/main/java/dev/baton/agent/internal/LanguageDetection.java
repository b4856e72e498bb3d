package dev.baton.agent.internal;

import opennlp.tools.langdetect.LanguageDetector;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of the six languages a shopper writes in, so that the agent answers in it.
 *
 * <p>The script decides alone: Cyrillic in the Russian alphabet is Russian; Han, Kana, Hangul, Arabic, Greek or
 * Cyrillic letters Russian lacks (Ukrainian "ї", "є") are another language. Latin text goes, first match wins:
 * <ol>
 * <li>Apache OpenNLP's language detector, when it is clearly sure of one of the six;
 * <li>two or more common shopper words of one language ({@link LanguageHints});
 * <li>a letter that only one of the six writes and hardly any other language ("ł", "ñ", "ã");
 * <li>OpenNLP reading another language;
 * <li>a letter that only Portuguese writes among the six but French does too ("ç", "à");
 * <li>one common word: sure if OpenNLP ranks its language first, else weak evidence ({@link Evidence#ONE_WORD}).
 * </ol>
 * OpenNLP is weak on a word or two, which is much of what shoppers send ("makasih", "gracias"), hence the signals.
 */
@Component
class LanguageDetection {

    private static final String MODEL = "/langdetect-183.bin";

    /** OpenNLP is not asked about a single word: its guess is then too often wrong ("gracias" reads Minangkabau). */
    static final int MODEL_MIN_WORDS = 2;

    // Links, e-mail addresses and anything with a digit (order numbers, sizes, prices) carry no language.
    private static final Pattern NOISE = Pattern.compile("https?://\\S+|www\\.\\S+|\\S+@\\S+|\\S*\\d\\S*");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{M}]+");
    private static final String RUSSIAN_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

    private final LanguageDetector model;
    private final LanguageHints hints;

    LanguageDetection() {
        this.model = new ThreadSafeLanguageDetectorME(loadModel());
        this.hints = LanguageHints.fromClasspath();
    }

    /** The language of a shopper's message among the six; empty for another language or no language at all. */
    Optional<Language> detect(String text) {
        return Optional.ofNullable(classify(text).language());
    }

    /**
     * The language to answer this message in: its own if it is surely one of the six; for a message too short or
     * plain to tell ("ok", "42", a link, a lone "thanks" or "gracias") the conversation's language so far, if any,
     * else the language that lone word names; otherwise, as for a message in another language, the account's default.
     */
    Language detect(String text, Language previous, Language accountDefault) {
        Objects.requireNonNull(accountDefault, "accountDefault");
        Verdict verdict = classify(text);
        return switch (verdict.evidence()) {
            case SURE -> verdict.language();
            case ONE_WORD -> previous != null ? previous : verdict.language();
            case NONE -> previous != null ? previous : accountDefault;
            case FOREIGN -> accountDefault;
        };
    }

    Verdict classify(String text) {
        if (text == null) {
            return Verdict.NONE;
        }
        String cleaned = NOISE.matcher(text).replaceAll(" ").strip();
        ScriptCount scripts = ScriptCount.of(cleaned);
        if (scripts.total() == 0) {
            return Verdict.NONE;
        }
        if (scripts.other() >= scripts.latin() + scripts.cyrillic()) {
            return Verdict.FOREIGN;
        }
        if (scripts.cyrillic() > scripts.latin()) {
            return isRussianAlphabet(cleaned) ? Verdict.sure(Language.RU) : Verdict.FOREIGN;
        }
        return classifyLatin(cleaned);
    }

    private Verdict classifyLatin(String text) {
        List<String> words = Arrays.stream(NOT_LETTERS.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .toList();
        ModelReading reading = words.size() >= MODEL_MIN_WORDS
                ? ModelReading.of(model.predictLanguages(text)) : ModelReading.NOTHING;
        if (reading.isSure()) {
            return Verdict.sure(reading.best());
        }
        Optional<LanguageHints.Vote> byWords = hints.byWords(words);
        if (byWords.isPresent() && byWords.get().hits() > 1) {
            return Verdict.sure(byWords.get().language());
        }
        Optional<LanguageHints.Vote> byLetters = hints.byLetters(text, false);
        if (byLetters.isEmpty() && reading.isForeign()) {
            return Verdict.FOREIGN;
        }
        return byLetters.or(() -> hints.byLetters(text, true))
                .map(vote -> Verdict.sure(vote.language()))
                .or(() -> byWords.map(vote -> reading.favours(vote.language())
                        ? Verdict.sure(vote.language()) : new Verdict(vote.language(), Evidence.ONE_WORD)))
                .orElse(Verdict.NONE);
    }

    private static boolean isRussianAlphabet(String text) {
        return text.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> Character.isLetter(c) && UnicodeScript.of(c) == UnicodeScript.CYRILLIC)
                .allMatch(c -> RUSSIAN_LETTERS.indexOf(c) >= 0);
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = LanguageDetection.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException(MODEL.substring(1) + " (opennlp-models-langdetect) is missing");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one message tells of its language. */
    record Verdict(Language language, Evidence evidence) {

        static final Verdict NONE = new Verdict(null, Evidence.NONE);
        static final Verdict FOREIGN = new Verdict(null, Evidence.FOREIGN);

        static Verdict sure(Language language) {
            return new Verdict(language, Evidence.SURE);
        }
    }

    enum Evidence {
        /** One of the six: by its script or letters, several of its common words, or OpenNLP. */
        SURE,
        /** One of the six by a single common word ("thanks", "gracias"), which shoppers borrow across languages. */
        ONE_WORD,
        /** Another language than the six. */
        FOREIGN,
        /** Nothing to go on: emoji, numbers, links, "ok", or signals that disagree. */
        NONE
    }

    /** Letters of a text by script: Latin, Cyrillic, and any other (Han, Kana, Arabic, Greek...). */
    private record ScriptCount(int latin, int cyrillic, int other) {

        static ScriptCount of(String text) {
            int latin = 0;
            int cyrillic = 0;
            int other = 0;
            for (int c : text.codePoints().filter(Character::isLetter).toArray()) {
                UnicodeScript script = UnicodeScript.of(c);
                if (script == UnicodeScript.LATIN) {
                    latin++;
                } else if (script == UnicodeScript.CYRILLIC) {
                    cyrillic++;
                } else {
                    other++;
                }
            }
            return new ScriptCount(latin, cyrillic, other);
        }

        int total() {
            return latin + cyrillic + other;
        }
    }
}
