package dev.baton.handover;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall of handover decisions against the labelled set: per reason, per language (recall of the
 * items that expect a handover), overall (an item is a handover if it expects any reason), and the confusion matrix
 * (for each expected reason, how often each reason was predicted; "none" when nothing fired).
 */
public final class Scorecard {

    private final Map<HandoverReason, int[]> perReason = new EnumMap<>(HandoverReason.class);
    private final Map<String, int[]> perLanguage = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
    private final StringBuilder misses = new StringBuilder();
    private int truePositive;
    private int falsePositive;
    private int falseNegative;
    private int trueNegative;

    public Scorecard() {
        for (HandoverReason reason : HandoverReason.values()) {
            perReason.put(reason, new int[3]);
        }
    }

    public void add(LabelledSet.Item item, Decision decision) {
        Set<HandoverReason> expected = item.expected();
        List<HandoverReason> predicted = decision.reasons();
        for (HandoverReason reason : HandoverReason.values()) {
            int[] counts = perReason.get(reason);
            boolean wanted = expected.contains(reason);
            boolean got = predicted.contains(reason);
            counts[0] += wanted && got ? 1 : 0;
            counts[1] += !wanted && got ? 1 : 0;
            counts[2] += wanted && !got ? 1 : 0;
        }
        boolean wanted = !expected.isEmpty();
        truePositive += wanted && decision.handover() ? 1 : 0;
        falsePositive += !wanted && decision.handover() ? 1 : 0;
        falseNegative += wanted && !decision.handover() ? 1 : 0;
        trueNegative += !wanted && !decision.handover() ? 1 : 0;
        if (wanted) {
            int[] language = perLanguage.computeIfAbsent(item.language(), key -> new int[2]);
            language[0] += decision.handover() ? 1 : 0;
            language[1]++;
        }
        List<String> rows = expected.isEmpty() ? List.of("none") : expected.stream().map(Enum::name).toList();
        List<String> columns = predicted.isEmpty() ? List.of("none") : predicted.stream().map(Enum::name).toList();
        for (String row : rows) {
            for (String column : columns) {
                confusion.computeIfAbsent(row, key -> new LinkedHashMap<>()).merge(column, 1, Integer::sum);
            }
        }
        if (!Set.copyOf(predicted).equals(expected)) {
            misses.append(String.format(Locale.ROOT, "  %s expected %s got %s %s%n", item.id(), expected, predicted,
                    decision.evidence()));
        }
    }

    public double recall(HandoverReason reason) {
        int[] counts = perReason.get(reason);
        return ratio(counts[0], counts[0] + counts[2]);
    }

    public double precision(HandoverReason reason) {
        int[] counts = perReason.get(reason);
        return ratio(counts[0], counts[0] + counts[1]);
    }

    public double handoverPrecision() {
        return ratio(truePositive, truePositive + falsePositive);
    }

    public double handoverRecall() {
        return ratio(truePositive, truePositive + falseNegative);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| %-18s | %8s | %4s | %4s | %4s | %9s | %6s |%n", "Reason", "Expected", "TP",
                "FP", "FN", "Precision", "Recall"));
        out.append("|--------------------|---------:|-----:|-----:|-----:|----------:|-------:|\n");
        for (HandoverReason reason : HandoverReason.values()) {
            int[] c = perReason.get(reason);
            out.append(String.format(Locale.ROOT, "| %-18s | %8d | %4d | %4d | %4d | %9.3f | %6.3f |%n", reason,
                    c[0] + c[2], c[0], c[1], c[2], precision(reason), recall(reason)));
        }
        out.append(String.format(Locale.ROOT, "| %-18s | %8d | %4d | %4d | %4d | %9.3f | %6.3f |%n", "any (handover)",
                truePositive + falseNegative, truePositive, falsePositive, falseNegative, handoverPrecision(),
                handoverRecall()));
        out.append(String.format(Locale.ROOT, "%nNo handover expected: %d items, %d left alone, %d handed over.%n",
                trueNegative + falsePositive, trueNegative, falsePositive));
        return out.toString();
    }

    public String languages() {
        StringBuilder out = new StringBuilder("| Language | Handover items | Handed over | Recall |\n|---|---:|---:|---:|\n");
        perLanguage.forEach((language, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f |%n",
                language, c[1], c[0], ratio(c[0], c[1]))));
        return out.toString();
    }

    public String confusionMatrix() {
        List<String> names = new java.util.ArrayList<>(List.of(HandoverReason.values()).stream().map(Enum::name).toList());
        names.add("none");
        StringBuilder out = new StringBuilder("| expected \\ predicted |");
        names.forEach(name -> out.append(' ').append(abbreviation(name)).append(" |"));
        out.append("\n|---|").append("---:|".repeat(names.size())).append('\n');
        for (String row : names) {
            Map<String, Integer> cells = confusion.getOrDefault(row, Map.of());
            out.append("| ").append(row).append(" |");
            names.forEach(column -> out.append(' ').append(cells.getOrDefault(column, 0)).append(" |"));
            out.append('\n');
        }
        out.append("\nColumns: ");
        names.forEach(name -> out.append(abbreviation(name)).append(" = ").append(name).append("; "));
        return out.append('\n').toString();
    }

    private static String abbreviation(String name) {
        StringBuilder letters = new StringBuilder();
        for (String part : name.split("_")) {
            letters.append(part.charAt(0));
        }
        return name.equals("none") ? "none" : name.equals("VIP") ? "VIP" : letters.toString();
    }

    public String misses() {
        return misses.toString();
    }
}
