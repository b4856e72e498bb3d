package dev.baton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/** What the store sync benchmarks (Shopify, WooCommerce) share: waiting, percentiles, figures and the table. */
public final class SyncBenchmarkFigures {

    private SyncBenchmarkFigures() {
    }

    /** Waits for the condition and answers the time since {@code from}. */
    public static Duration waitFor(Duration limit, Instant from, Callable<Boolean> condition) {
        await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(condition);
        return Duration.between(from, Instant.now());
    }

    public static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    public static String millis(long millis) {
        return millis + " ms";
    }

    public static String perSecond(long items, Duration duration) {
        return String.format(Locale.ROOT, "%.0f", items / Math.max(0.001, duration.toMillis() / 1000.0));
    }

    /** A markdown table, one column per storage mode (each row's "mode"), one line per metric. */
    public static void print(String title, List<Map<String, String>> rows) {
        System.out.printf("%n%s, %d cores%n%n", title, Runtime.getRuntime().availableProcessors());
        List<String> metrics = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet());
        System.out.print("| metric |");
        rows.forEach(row -> System.out.print(" " + row.get("mode") + " |"));
        System.out.println();
        System.out.println("|---|" + "---|".repeat(rows.size()));
        for (String metric : metrics.subList(Math.min(1, metrics.size()), metrics.size())) {
            System.out.print("| " + metric + " |");
            rows.forEach(row -> System.out.print(" " + row.getOrDefault(metric, "") + " |"));
            System.out.println();
        }
    }
}
