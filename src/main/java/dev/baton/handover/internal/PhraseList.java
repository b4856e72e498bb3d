package dev.baton.handover.internal;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One kind of phrase in the six languages, from {@code knowledge/handover/phrases/<lang>/<name>.txt}: one phrase
 * a line, {@code #} for comments. A phrase matches whole words in order after {@link NormalizedText}; a word ending
 * in {@code *} matches any word it begins (inflections: "компенсац*", "hurtow*"), and a lone {@code *} stands for
 * up to three words of any kind ("change * address" matches "change the delivery address").
 */
final class PhraseList {

    static final List<String> LANGUAGES = List.of("en", "es", "pt", "ru", "id", "pl");
    private static final int GAP = 3;

    private final List<Phrase> phrases;

    private PhraseList(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
    }

    static PhraseList load(String name) {
        List<Phrase> phrases = new ArrayList<>();
        for (String language : LANGUAGES) {
            ClassPathResource file = new ClassPathResource("knowledge/handover/phrases/" + language + "/" + name + ".txt");
            if (!file.exists()) {
                continue;
            }
            try {
                for (String line : file.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        phrases.add(Phrase.of(language, trimmed));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the handover phrases " + file.getPath(), e);
            }
        }
        return new PhraseList(phrases);
    }

    static PhraseList of(String language, String... phrases) {
        return new PhraseList(Arrays.stream(phrases).map(phrase -> Phrase.of(language, phrase)).toList());
    }

    /** The first phrase the text contains, if any. */
    Optional<Phrase> find(NormalizedText text) {
        return phrases.stream().filter(phrase -> phrase.foundIn(text.words())).findFirst();
    }

    List<Phrase> phrases() {
        return phrases;
    }

    record Phrase(String language, String text, List<String> pattern) {

        static Phrase of(String language, String text) {
            List<String> pattern = new ArrayList<>();
            for (String token : text.split("\\s+")) {
                if (token.equals("*")) {
                    pattern.add("*");
                    continue;
                }
                List<String> words = NormalizedText.of(token).words();
                for (int i = 0; i < words.size(); i++) {
                    boolean prefix = token.endsWith("*") && i == words.size() - 1;
                    pattern.add(prefix ? words.get(i) + "*" : words.get(i));
                }
            }
            return new Phrase(language, text, List.copyOf(pattern));
        }

        boolean foundIn(List<String> words) {
            for (int start = 0; start < words.size(); start++) {
                if (matches(words, start, 0)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matches(List<String> words, int at, int index) {
            if (index == pattern.size()) {
                return true;
            }
            String expected = pattern.get(index);
            if (expected.equals("*")) {
                for (int skip = 0; skip <= GAP && at + skip <= words.size(); skip++) {
                    if (matches(words, at + skip, index + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (at >= words.size() || !wordMatches(words.get(at), expected)) {
                return false;
            }
            return matches(words, at + 1, index + 1);
        }

        private static boolean wordMatches(String word, String expected) {
            return expected.endsWith("*") ? word.startsWith(expected.substring(0, expected.length() - 1))
                    : word.equals(expected);
        }

        @Override
        public String toString() {
            return language + ": \"" + text + "\"";
        }
    }
}
