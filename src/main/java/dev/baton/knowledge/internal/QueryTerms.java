package dev.baton.knowledge.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The words of a shopper's query, cleaned of anything a full-text query syntax could read as an operator. */
final class QueryTerms {

    private QueryTerms() {
    }

    static List<String> of(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(term -> !term.isBlank())
                .distinct()
                .limit(64)
                .toList();
    }
}
