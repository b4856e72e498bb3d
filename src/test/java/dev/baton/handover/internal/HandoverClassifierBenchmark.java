package dev.baton.handover.internal;

import dev.baton.handover.internal.HandoverCorpus.Row;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long the shipped classifiers take to judge one message (all three judgments), on one thread, over the held-out
 * messages of every language: p50, p95 and p99 by message length, after a warm-up. Run with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.baton.handover.internal.HandoverClassifierBenchmark}.
 */
public final class HandoverClassifierBenchmark {

    private HandoverClassifierBenchmark() {
    }

    public static void main(String[] args) {
        HandoverClassifier classifier = new HandoverClassifier(HandoverClassifier.DEFAULT_LOCATION);
        List<String> texts = HandoverCorpus.load().heldOut().stream().map(Row::text).toList();
        for (int round = 0; round < 3; round++) {
            texts.forEach(classifier::classify);
        }
        List<long[]> buckets = List.of(new long[texts.size()], new long[texts.size()], new long[texts.size()],
                new long[texts.size()]);
        int[] counts = new int[4];
        long[] all = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            long start = System.nanoTime();
            classifier.classify(text);
            long took = System.nanoTime() - start;
            all[i] = took;
            int words = text.split("\\s+").length;
            int bucket = words <= 10 ? 0 : words <= 30 ? 1 : words <= 100 ? 2 : 3;
            buckets.get(bucket)[counts[bucket]++] = took;
        }
        System.out.printf(Locale.ROOT, "Classifiers %s, %d held-out messages, one thread%n%n",
                classifier.version().orElse("(not loaded)"), texts.size());
        System.out.println("| message | messages | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        String[] names = {"1-10 words", "11-30 words", "31-100 words", "over 100 words"};
        for (int b = 0; b < 4; b++) {
            row(names[b], Arrays.copyOf(buckets.get(b), counts[b]));
        }
        row("all", all);
    }

    private static void row(String name, long[] nanos) {
        if (nanos.length == 0) {
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", name, sorted.length, at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99));
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
