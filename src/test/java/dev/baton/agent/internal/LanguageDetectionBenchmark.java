package dev.baton.agent.internal;

import dev.baton.agent.internal.ShopperMessages.Labelled;
import opennlp.tools.langdetect.LanguageDetector;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Speed and accuracy of {@link LanguageDetection}. A main class, not a test: Surefire must never pick it up.
 *
 * <p>Messages: the tests' messages plus the intent phrases of {@code knowledge/agent/intents} (written by others, for
 * another purpose: the closest thing to unseen shopper messages we ship). Prints the model's load time, the accuracy
 * on each labelled set, detections per second on one and on two threads, and p50/p95/p99 latency of one detection
 * (best of three passes); then OpenNLP alone: one detector shared behind a lock against one detector per thread
 * (what we use). Run it on a quiet machine: on two cores, any other work skews the two-thread figures most.
 *
 * <pre>
 *   ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.baton.agent.internal.LanguageDetectionBenchmark
 * </pre>
 */
class LanguageDetectionBenchmark {

    private static final int ROUNDS = 20;
    // On two cores the JIT compiler competes with the threads measured: warm up well before measuring anything.
    private static final int WARM_UP_ROUNDS = 5;
    private static final int PASSES = 3;

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        LanguageDetection detection = new LanguageDetection();
        System.out.printf("start-up (model and word lists): %d ms%n", (System.nanoTime() - start) / 1_000_000);

        List<Labelled> tests = testMessages();
        List<Labelled> intents = intentPhrases();
        System.out.printf("accuracy, test messages:            %s%n", accuracy(detection, tests));
        System.out.printf("accuracy, written after tuning:     %s%n",
                accuracy(detection, ShopperMessages.WRITTEN_AFTER_TUNING));
        System.out.printf("accuracy, intent phrases (6 files): %s%n", accuracy(detection, intents));

        List<String> texts = new ArrayList<>();
        tests.forEach(message -> texts.add(message.text()));
        ShopperMessages.WRITTEN_AFTER_TUNING.forEach(message -> texts.add(message.text()));
        intents.forEach(message -> texts.add(message.text()));
        System.out.printf("%d messages, %d rounds a thread, best of %d passes; load average %s%n", texts.size(),
                ROUNDS, PASSES, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            rounds(texts, 2, detection::detect);
        }
        report("LanguageDetection, 1 thread ", texts, 1, detection::detect);
        report("LanguageDetection, 2 threads", texts, 2, detection::detect);

        LanguageDetectorModel model;
        try (InputStream in = LanguageDetection.class.getResourceAsStream("/langdetect-183.bin")) {
            model = new LanguageDetectorModel(Objects.requireNonNull(in));
        }
        LanguageDetector shared = new LanguageDetectorME(model);
        LanguageDetector perThread = new ThreadSafeLanguageDetectorME(model);
        Consumer<String> locked = text -> {
            synchronized (shared) {
                shared.predictLanguages(text);
            }
        };
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            rounds(texts, 2, locked);
            rounds(texts, 2, perThread::predictLanguages);
        }
        report("OpenNLP alone, 1 thread     ", texts, 1, perThread::predictLanguages);
        report("OpenNLP alone, 2 threads, one detector behind a lock", texts, 2, locked);
        report("OpenNLP alone, 2 threads, one detector per thread  ", texts, 2, perThread::predictLanguages);
    }

    /** The best of {@link #PASSES} passes: other work on a shared machine only ever makes a pass slower. */
    private static void report(String name, List<String> texts, int threads, Consumer<String> detect)
            throws Exception {
        double bestRate = 0;
        long[] bestLatencies = null;
        for (int pass = 0; pass < PASSES; pass++) {
            long start = System.nanoTime();
            long[] latencies = rounds(texts, threads, detect);
            double rate = latencies.length / ((System.nanoTime() - start) / 1e9);
            if (rate > bestRate) {
                bestRate = rate;
                bestLatencies = latencies;
            }
        }
        Arrays.sort(bestLatencies);
        System.out.printf("%s: %,8.0f detections/s, p50 %5.1f µs, p95 %5.1f µs, p99 %6.1f µs%n", name, bestRate,
                micros(bestLatencies, 0.50), micros(bestLatencies, 0.95), micros(bestLatencies, 0.99));
    }

    /** Each thread runs every message ROUNDS times; returns the latency of each detection in nanoseconds. */
    private static long[] rounds(List<String> texts, int threads, Consumer<String> detect) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    long[] latencies = new long[texts.size() * ROUNDS];
                    int i = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        for (String text : texts) {
                            long start = System.nanoTime();
                            detect.accept(text);
                            latencies[i++] = System.nanoTime() - start;
                        }
                    }
                    return latencies;
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> run : runs) {
                long[] latencies = run.get();
                long[] merged = Arrays.copyOf(all, all.length + latencies.length);
                System.arraycopy(latencies, 0, merged, all.length, latencies.length);
                all = merged;
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1000.0;
    }

    private static String accuracy(LanguageDetection detection, List<Labelled> messages) {
        long right = messages.stream()
                .filter(message -> detection.detect(message.text()).equals(Optional.ofNullable(message.language())))
                .count();
        return String.format("%d/%d (%.1f %%)", right, messages.size(), 100.0 * right / messages.size());
    }

    private static List<Labelled> testMessages() {
        List<Labelled> messages = new ArrayList<>();
        ShopperMessages.IN_SIX.forEach((language, texts) ->
                texts.forEach(text -> messages.add(new Labelled(language, text))));
        ShopperMessages.FOREIGN.forEach(text -> messages.add(new Labelled(null, text)));
        ShopperMessages.NEUTRAL.forEach(text -> messages.add(new Labelled(null, text)));
        return messages;
    }

    /** "PRICE_STOCK berapa harga tas ransel ini" lines, without the intent. */
    private static List<Labelled> intentPhrases() throws IOException {
        List<Labelled> phrases = new ArrayList<>();
        for (Language language : Language.values()) {
            String resource = "/knowledge/agent/intents/" + language.code() + ".txt";
            try (InputStream in = Objects.requireNonNull(LanguageDetectionBenchmark.class.getResourceAsStream(resource),
                    resource)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(line -> line.replaceFirst("^\\S+\\s+", ""))
                        .forEach(phrase -> phrases.add(new Labelled(language, phrase)));
            }
        }
        return phrases;
    }
}
