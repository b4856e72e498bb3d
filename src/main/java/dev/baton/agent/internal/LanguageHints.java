package dev.baton.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cheap signals that name one of the six languages where a statistical model has too little text to go on: a
 * letter that only one of them writes, and the very common short words of shoppers' messages listed per language in
 * {@code knowledge/agent/language-hints/<code>.txt}. Each word is in one list only, so a hit names one language.
 */
final class LanguageHints {

    private static final String FOLDER = "/knowledge/agent/language-hints/";

    // Letters that, among the six, only one language writes. "ó" is not here: Spanish and Portuguese write it too.
    private static final Map<Character, Language> LETTERS = letters(Map.of(
            Language.PL, "ąćęłńśźż",
            Language.ES, "ñ¿¡",
            Language.PT, "ãõçâêôà"));
    // Of those, the ones French writes at every turn too ("ça", "à", "être"): no sign of the six against a model
    // that reads another language.
    private static final String ALSO_FRENCH = "çâêôà";

    private final Map<String, Language> words;

    private LanguageHints(Map<String, Language> words) {
        this.words = words;
    }

    /** The lists shipped on the classpath; fails at start-up if one is missing or two share a word. */
    static LanguageHints fromClasspath() {
        Map<String, Language> words = new HashMap<>();
        for (Language language : Language.values()) {
            for (String word : read(FOLDER + language.code() + ".txt")) {
                Language other = words.putIfAbsent(word, language);
                if (other != null && other != language) {
                    throw new IllegalStateException("The hint word '" + word + "' is listed for both "
                            + other.englishName() + " and " + language.englishName());
                }
            }
        }
        return new LanguageHints(Map.copyOf(words));
    }

    /**
     * The language whose own letters the text holds most, if exactly one leads (case-insensitive); counting the
     * letters French writes too only if asked.
     */
    Optional<Vote> byLetters(String text, boolean alsoFrench) {
        Map<Language, Integer> hits = new EnumMap<>(Language.class);
        text.toLowerCase(Locale.ROOT).chars().forEach(c -> {
            Language language = LETTERS.get((char) c);
            if (language != null && (alsoFrench || ALSO_FRENCH.indexOf(c) < 0)) {
                hits.merge(language, 1, Integer::sum);
            }
        });
        return leader(hits);
    }

    /** The language with the most listed words among these (lower-case) words, if exactly one leads. */
    Optional<Vote> byWords(Collection<String> lowerCaseWords) {
        Map<Language, Integer> hits = new EnumMap<>(Language.class);
        for (String word : lowerCaseWords) {
            Language language = words.get(word);
            if (language != null) {
                hits.merge(language, 1, Integer::sum);
            }
        }
        return leader(hits);
    }

    private static Optional<Vote> leader(Map<Language, Integer> hits) {
        Language best = null;
        int bestCount = 0;
        int runnerUp = 0;
        for (Map.Entry<Language, Integer> entry : hits.entrySet()) {
            if (entry.getValue() > bestCount) {
                runnerUp = bestCount;
                best = entry.getKey();
                bestCount = entry.getValue();
            } else if (entry.getValue() > runnerUp) {
                runnerUp = entry.getValue();
            }
        }
        return bestCount > runnerUp ? Optional.of(new Vote(best, bestCount)) : Optional.empty();
    }

    private static Map<Character, Language> letters(Map<Language, String> lettersByLanguage) {
        Map<Character, Language> letters = new HashMap<>();
        lettersByLanguage.forEach((language, chars) -> chars.chars().forEach(c -> letters.put((char) c, language)));
        return Map.copyOf(letters);
    }

    private static List<String> read(String resource) {
        try (InputStream in = LanguageHints.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource.substring(1) + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.strip().toLowerCase(Locale.ROOT))
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The leading language and how many letters or words named it. */
    record Vote(Language language, int hits) {
    }
}
