package dev.baton.handover.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the handover classifiers see of a message: hashed character n-grams of its words (3 to 5 letters, so "kecewa",
 * "kecewaa" and "dikecewakan" share most of theirs, and a typo spoils only a few), its words and word pairs, and how
 * it is written (capitals, exclamation and question marks, length). The same features in every language: nothing
 * here knows which language a message is in.
 *
 * <p>The training ({@code HandoverTraining}) and the classifier use this one class, so a model always sees the
 * features it was trained on; a change here needs the models trained again ({@link #VERSION} is in their names).
 */
final class MessageFeatures {

    /** Changes whenever the features change; the trained models record it and are refused on a mismatch. */
    static final String VERSION = "f1";

    /** 2^18 buckets: about one collision in a thousand among the features a training set has. */
    private static final int BUCKETS = 1 << 18;

    private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+");
    private static final Pattern MENTION = Pattern.compile("@\\w+|\\[username]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private MessageFeatures() {
    }

    /** One feature: its name (a hashed bucket or a style measure) and its weight. */
    record Feature(String name, double value) {
    }

    /**
     * The features of a text: each kind (letters, words, word pairs) weighted {@code 1 + log(count)} and scaled to unit
     * length on its own, so a long message's many letter n-grams do not drown its few words.
     */
    static List<Feature> of(String text) {
        String lower = normalize(text);
        Map<String, Double> counts = new HashMap<>();
        String[] words = NOT_WORD.split(lower.strip());
        String previous = null;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            add(counts, "w", word);
            if (previous != null) {
                add(counts, "b", previous + " " + word);
            }
            previous = word;
            String padded = " " + word + " ";
            for (int n = 3; n <= 5; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    add(counts, "c", padded.substring(i, i + n));
                }
            }
        }
        List<Feature> features = new ArrayList<>(counts.size() + 5);
        Map<Character, Double> norms = new HashMap<>();
        for (Map.Entry<String, Double> entry : counts.entrySet()) {
            double weight = 1 + Math.log(entry.getValue());
            norms.merge(entry.getKey().charAt(0), weight * weight, Double::sum);
            features.add(new Feature(entry.getKey(), weight));
        }
        features.replaceAll(feature -> new Feature(feature.name(),
                feature.value() / Math.sqrt(norms.get(feature.name().charAt(0)))));
        features.addAll(style(text, words.length));
        return features;
    }

    /** Lower case without accents, links, mentions or digits, and "sooooo" as "soo". */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        lower = URL.matcher(lower).replaceAll(" ");
        lower = MENTION.matcher(lower).replaceAll(" ");
        lower = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
        lower = lower.replace('ł', 'l').replace('ø', 'o').replace('ß', 's');
        lower = REPEATS.matcher(lower).replaceAll("$1$1");
        return DIGITS.matcher(lower).replaceAll("0");
    }

    private static void add(Map<String, Double> counts, String kind, String gram) {
        counts.merge(kind + bucket(gram), 1.0, Double::sum);
    }

    /** A bucket that is the same on every JVM: {@link String#hashCode()} is specified, then mixed. */
    private static int bucket(String gram) {
        int hash = gram.hashCode() * 0x9E3779B1;
        return (hash ^ (hash >>> 15)) & (BUCKETS - 1);
    }

    private static List<Feature> style(String text, int words) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long upper = text.codePoints().filter(Character::isUpperCase).count();
        long exclamations = text.chars().filter(c -> c == '!' || c == '¡').count();
        long questions = text.chars().filter(c -> c == '?' || c == '¿').count();
        List<Feature> style = new ArrayList<>(4);
        if (letters >= 8) {
            style.add(new Feature("s:capitals", (double) upper / letters));
        }
        if (exclamations > 0) {
            style.add(new Feature("s:exclamations", Math.min(exclamations, 5) / 5.0));
        }
        if (questions > 0) {
            style.add(new Feature("s:question", 1.0));
        }
        style.add(new Feature("s:length", Math.min(Math.log1p(words) / Math.log(60), 1.0)));
        return style;
    }
}
