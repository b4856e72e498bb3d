package dev.baton.handover.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message as the phrase lists compare it: lower case, accents folded ("não" = "nao", "ł" = "l", "ё" = "е"),
 * punctuation and emoji gone, split into words. Shoppers write with and without accents, so both must match.
 */
record NormalizedText(List<String> words) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    static NormalizedText of(String text) {
        return new NormalizedText(Arrays.stream(NOT_WORD.split(fold(text))).filter(word -> !word.isEmpty()).toList());
    }

    static String fold(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT).replace('ł', 'l').replace('ß', 's');
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    int size() {
        return words.size();
    }

    String joined() {
        return String.join(" ", words);
    }
}
