package dev.baton.agent.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words as the product search compares them, in every language alike: lower case, accents and other marks removed
 * ("Perć" is "perc", "ł" is "l", "ё" is "е"), and split where letters meet digits ("28L" is "28" "l", "500rb" is
 * "500" "rb"). Decimal numbers stay whole ("1.5", "149,99").
 */
final class Words {

    private Words() {
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ł', 'l').replace('ё', 'е').replace('ß', 's');
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            // Cyrillic й is и + a breve: keep it, the rest of the combining marks go.
            if (Character.getType(c) == Character.NON_SPACING_MARK && !(c == '\u0306' && i > 0 && decomposed.charAt(i - 1) == 'и')) {
                continue;
            }
            folded.append(c);
        }
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }

    /** The folded words of a text; currency symbols ($ € £ ₽ zł) are words too. */
    static List<String> of(String text) {
        String folded = fold(text);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int kind = 0; // 1 letters, 2 digits
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            int k = Character.isDigit(c) ? 2 : Character.isLetter(c) ? 1 : 0;
            boolean decimal = (c == '.' || c == ',') && kind == 2 && i + 1 < folded.length()
                    && Character.isDigit(folded.charAt(i + 1));
            if (decimal) {
                word.append(c);
                continue;
            }
            boolean apostrophe = (c == '\'' || c == '’') && kind == 1 && i + 1 < folded.length()
                    && Character.isLetter(folded.charAt(i + 1));
            if (apostrophe) {
                continue; // "men's" is "mens", "d'água" is "dagua"
            }
            if (k != kind && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            kind = k;
            if (k != 0) {
                word.append(c);
            } else if (c == '$' || c == '€' || c == '£' || c == '₽') {
                words.add(String.valueOf(c));
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    static boolean isNumber(String word) {
        return !word.isEmpty() && Character.isDigit(word.charAt(0));
    }

    /** At most one letter changed, added, dropped or two swapped (Damerau-Levenshtein distance up to {@code max}). */
    static boolean close(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) {
                return false;
            }
        }
        return d[a.length()][b.length()] <= max;
    }
}
