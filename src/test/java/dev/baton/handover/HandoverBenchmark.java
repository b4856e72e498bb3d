package dev.baton.handover;

import dev.baton.handover.internal.TestHandoverRules;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The handover rules on the labelled set and the two held-out sets, with the default settings: precision and recall per
 * reason, the confusion matrix, recall per language, and evaluations per second on one thread (the in-process
 * embedding model included). Run with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.baton.handover.HandoverBenchmark}.
 */
public final class HandoverBenchmark {

    private static final int ROUNDS = 5;

    private HandoverBenchmark() {
    }

    public static void main(String[] args) {
        HandoverRules rules = TestHandoverRules.withDefaults();
        UUID account = UUID.randomUUID();
        List<LabelledSet.Item> items = LabelledSet.load();
        Scorecard labelled = score(rules, account, items);
        System.out.printf(Locale.ROOT, "### Labelled set (%d items)%n%n%s%n", items.size(), labelled.table());
        System.out.printf("#### Confusion matrix (rows: expected, columns: predicted)%n%n%s%n", labelled.confusionMatrix());
        System.out.printf("#### Recall per language%n%n%s%n", labelled.languages());
        List<LabelledSet.Item> heldOut = LabelledSet.heldOut();
        Scorecard held = score(rules, account, heldOut);
        System.out.printf(Locale.ROOT, "### Held-out set (%d items)%n%n%s%n", heldOut.size(), held.table());
        System.out.printf("#### Recall per language%n%n%s%n", held.languages());
        System.out.printf("#### Held-out items whose reasons differ from the labels%n%n%s%n", held.misses());
        List<LabelledSet.Item> fresh = LabelledSet.fresh();
        Scorecard second = score(rules, account, fresh);
        System.out.printf(Locale.ROOT, "### Second held-out set (%d items)%n%n%s%n", fresh.size(), second.table());
        System.out.printf("#### Recall per language%n%n%s%n", second.languages());
        System.out.printf("#### Items whose reasons differ from the labels%n%n%s%n", second.misses());
        throughput(rules, account, items);
    }

    private static Scorecard score(HandoverRules rules, UUID account, List<LabelledSet.Item> items) {
        Scorecard scorecard = new Scorecard();
        items.forEach(item -> scorecard.add(item, rules.evaluate(account, item.situation())));
        return scorecard;
    }

    private static void throughput(HandoverRules rules, UUID account, List<LabelledSet.Item> items) {
        items.forEach(item -> rules.evaluate(account, item.situation()));
        long start = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            items.forEach(item -> rules.evaluate(account, item.situation()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int evaluations = ROUNDS * items.size();
        System.out.printf(Locale.ROOT, "### Speed%n%n%d evaluations in %.2f s on one thread: %.0f evaluations per second, "
                + "%.2f ms each (after one warm-up round).%n", evaluations, seconds, evaluations / seconds,
                seconds * 1000 / evaluations);
    }
}
