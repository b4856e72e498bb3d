package dev.baton.knowledge.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One shopper message embedded at a time, as an agent turn does: LangChain4j's own session of the default model
 * (every core, spinning) against {@link MiniLmEmbeddingModel} (one thread, no spinning), on an idle machine and with
 * one other thread busy, as on a server answering other requests; then a batch of passages, as indexing sends. A
 * main class, not a test.
 *
 * <pre>
 *   ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.baton.knowledge.internal.EmbeddingThreadsBenchmark
 * </pre>
 */
public final class EmbeddingThreadsBenchmark {

    private static final List<String> MESSAGES = List.of("What's your cheapest tent?",
            "Do you have the Stormline rain jacket in L Black?", "Quanto custa o saco de dormir Cascade?",
            "Сколько стоит палатка Meadow?", "a waterproof jacket for hiking under 150 dollars",
            "How long do I have to return something?");
    private static final int ROUNDS = 300;
    private static final int BATCH = 200;

    private EmbeddingThreadsBenchmark() {
    }

    public static void main(String[] args) {
        EmbeddingModel library = new AllMiniLmL6V2QuantizedEmbeddingModel();
        EmbeddingModel baton = new MiniLmEmbeddingModel();
        float[] a = library.embed("the same vectors").content().vector();
        float[] b = baton.embed("the same vectors").content().vector();
        double difference = 0;
        for (int i = 0; i < a.length; i++) {
            difference = Math.max(difference, Math.abs(a[i] - b[i]));
        }
        System.out.printf(Locale.ROOT, "%nLargest difference between the two sessions' vectors: %.6f%n%n", difference);
        System.out.println("| session | machine | p50 | p95 |");
        System.out.println("|---|---|---:|---:|");
        for (boolean busy : new boolean[] {false, true}) {
            Thread other = busy ? busyThread() : null;
            measure(library, 0);
            measure(baton, 0);
            print("LangChain4j's (every core, spinning)", busy, measure(library, 1));
            print("Baton's (one thread, no spinning)", busy, measure(baton, 1));
            if (other != null) {
                other.interrupt();
            }
        }
        System.out.printf("%n| session | batch of %d passages (indexing) | passages/s |%n|---|---:|---:|%n", BATCH);
        List<dev.langchain4j.data.segment.TextSegment> passages = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            passages.add(dev.langchain4j.data.segment.TextSegment.from(("Passage " + i + ": ")
                    + String.join(" ", Collections.nCopies(12, MESSAGES.get(i % MESSAGES.size())))));
        }
        for (int round = 0; round < 2; round++) {
            for (EmbeddingModel model : List.of(library, baton)) {
                long start = System.nanoTime();
                model.embedAll(passages);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "| %s | %.2f s | %.0f |%n", model == library
                            ? "LangChain4j's (every core, spinning)" : "Baton's (one thread, no spinning)", seconds,
                            BATCH / seconds);
                }
            }
        }
        System.exit(0);
    }

    private static List<Long> measure(EmbeddingModel model, int round) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            String text = MESSAGES.get(i % MESSAGES.size()) + " " + round + "-" + i; // never the same text twice
            long start = System.nanoTime();
            model.embed(text);
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        return micros;
    }

    private static void print(String session, boolean busy, List<Long> micros) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms |%n", session, busy ? "one other thread busy" : "idle",
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.95)) / 1000.0);
    }

    private static Thread busyThread() {
        Thread thread = new Thread(() -> {
            long spin = 0;
            while (!Thread.currentThread().isInterrupted()) {
                spin += System.nanoTime() % 7;
            }
            if (spin == 42) {
                System.out.print("");
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
