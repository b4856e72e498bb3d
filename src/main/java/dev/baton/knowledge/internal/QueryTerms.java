package dev.baton.knowledge.internal;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of a shopper's query that are worth matching literally: cleaned of anything a full-text syntax could
 * read as an operator, and without the function words of the six languages we serve ("can", "I", "de", "yang"...).
 * Those match nearly every chunk, which makes lexical search slow and, where ranking has no IDF (PostgreSQL's
 * {@code ts_rank}), noisy. The vector search still sees the whole query.
 */
final class QueryTerms {

    private static final CharArraySet STOP_WORDS = stopWords();

    private QueryTerms() {
    }

    static List<String> of(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(term -> !term.isBlank() && !STOP_WORDS.contains(term))
                .distinct()
                .limit(64)
                .toList();
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(1024, true);
        words.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        words.addAll(SpanishAnalyzer.getDefaultStopSet());
        words.addAll(PortugueseAnalyzer.getDefaultStopSet());
        words.addAll(RussianAnalyzer.getDefaultStopSet());
        words.addAll(IndonesianAnalyzer.getDefaultStopSet());
        // English's Lucene list is short; these pronouns and auxiliaries fill every shopper question.
        words.addAll(List.of("i", "you", "we", "my", "your", "me", "can", "do", "does", "did", "have", "has", "how",
                "what", "when", "where", "which", "who", "why", "would", "could", "should", "am", "im"));
        words.addAll(polish());
        return CharArraySet.unmodifiableSet(words);
    }

    private static List<String> polish() {
        try (InputStream in = QueryTerms.class.getResourceAsStream("/knowledge/stopwords/pl.txt")) {
            if (in == null) {
                throw new IllegalStateException("knowledge/stopwords/pl.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
