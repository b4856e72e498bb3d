package dev.baton.agent.internal;

import dev.baton.knowledge.TextEmbeddings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells a message's intent by comparing it with example phrases per intent and language
 * ({@code knowledge/agent/intents/<code>.txt}): the in-process embedding model gives the closeness in meaning, and
 * the share of a phrase's words the message contains adds to it (the small model knows English best; shared words
 * carry the other languages). Below {@link #THRESHOLD} the intent is {@link Intent#OTHER}. The phrases are embedded
 * once, on first use.
 */
@Component
class IntentDetector {

    static final double THRESHOLD = 0.55;
    private static final double WORD_WEIGHT = 0.35;

    private final TextEmbeddings embeddings;
    private volatile List<Phrase> phrases;

    IntentDetector(TextEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    Detection detect(String message) {
        List<Phrase> known = phrases();
        float[] vector = embeddings.embed(message);
        Set<String> words = words(message);
        Detection best = new Detection(Intent.OTHER, 0, "");
        for (Phrase phrase : known) {
            double score = TextEmbeddings.cosine(vector, phrase.vector()) + WORD_WEIGHT * shared(words, phrase.words());
            if (score > best.score()) {
                best = new Detection(phrase.intent(), score, phrase.text());
            }
        }
        return best.score() >= THRESHOLD ? best : new Detection(Intent.OTHER, best.score(), best.phrase());
    }

    /** The closest intent, its score and the example phrase that decided it. */
    record Detection(Intent intent, double score, String phrase) {
    }

    private List<Phrase> phrases() {
        List<Phrase> loaded = phrases;
        if (loaded == null) {
            synchronized (this) {
                if (phrases == null) {
                    phrases = load();
                }
                loaded = phrases;
            }
        }
        return loaded;
    }

    private List<Phrase> load() {
        List<Intent> intents = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Language language : Language.values()) {
            ClassPathResource file = new ClassPathResource("knowledge/agent/intents/" + language.code() + ".txt");
            try {
                for (String line : file.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    String[] parts = trimmed.split("\\s+", 2);
                    intents.add(Intent.valueOf(parts[0]));
                    texts.add(parts[1].strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the intent phrases for " + language.englishName(), e);
            }
        }
        List<float[]> vectors = embeddings.embedAll(texts);
        List<Phrase> loaded = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            loaded.add(new Phrase(intents.get(i), texts.get(i), words(texts.get(i)), vectors.get(i)));
        }
        return List.copyOf(loaded);
    }

    private static double shared(Set<String> message, Set<String> phrase) {
        if (phrase.isEmpty()) {
            return 0;
        }
        long common = phrase.stream().filter(message::contains).count();
        return (double) common / phrase.size();
    }

    static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isBlank())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private record Phrase(Intent intent, String text, Set<String> words, float[] vector) {
    }
}
