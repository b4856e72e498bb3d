package dev.baton.analytics.internal;

import java.util.List;

/** Nearest-rank percentiles: always a value that was measured, never one between two. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percentile}th (1..100) of the values, or null when there are none. */
    static Long of(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
