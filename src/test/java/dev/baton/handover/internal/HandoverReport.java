package dev.baton.handover.internal;

import dev.baton.handover.internal.HandoverClassifier.Judgment;
import dev.baton.handover.internal.HandoverCorpus.Row;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classifiers measured on held-out text, per judgment, language and file: recall on the messages of that
 * judgment, the share of the others it would wrongly flag, and precision, at the default thresholds.
 */
final class HandoverReport {

    private HandoverReport() {
    }

    /** A row's probabilities, computed once. */
    record Scored(Row row, Map<Judgment, Double> probabilities) {
    }

    /** One group's figures for one judgment: positives found of all, negatives flagged of all. */
    record Figures(int positives, int found, int negatives, int flagged) {

        double recall() {
            return positives == 0 ? Double.NaN : (double) found / positives;
        }

        double falsePositiveRate() {
            return negatives == 0 ? Double.NaN : (double) flagged / negatives;
        }

        double precision() {
            return found + flagged == 0 ? Double.NaN : (double) found / (found + flagged);
        }

        Figures plus(Figures other) {
            return new Figures(positives + other.positives, found + other.found, negatives + other.negatives,
                    flagged + other.flagged);
        }
    }

    static List<Scored> score(List<Row> rows, HandoverClassifier classifier) {
        List<Scored> scored = new ArrayList<>(rows.size());
        for (Row row : rows) {
            scored.add(new Scored(row, classifier.classify(row.text())));
        }
        return scored;
    }

    /** Figures per "language · file" for the judgment at the threshold. */
    static Map<String, Figures> figures(List<Scored> scored, Judgment judgment, double threshold) {
        Map<String, Figures> groups = new TreeMap<>();
        for (Scored item : scored) {
            boolean positive = item.row().kind().is(judgment);
            boolean flagged = item.probabilities().getOrDefault(judgment, 0.0) >= threshold;
            Figures one = new Figures(positive ? 1 : 0, positive && flagged ? 1 : 0, positive ? 0 : 1,
                    !positive && flagged ? 1 : 0);
            groups.merge(item.row().language() + " · " + item.row().source().file(), one, Figures::plus);
        }
        return groups;
    }

    static Map<Judgment, Double> thresholds() {
        Map<Judgment, Double> thresholds = new EnumMap<>(Judgment.class);
        HandoverProperties defaults = HandoverProperties.defaults();
        thresholds.put(Judgment.PERSON, defaults.classifierPerson());
        thresholds.put(Judgment.COMPLAINT, defaults.classifierComplaint());
        thresholds.put(Judgment.SENSITIVE, defaults.classifierSensitive());
        return thresholds;
    }

    static String write(HandoverCorpus corpus, HandoverClassifier classifier, String version) {
        List<Scored> heldOut = score(corpus.heldOut(), classifier);
        String dump = System.getProperty("handover.dump");
        if (dump != null) {
            StringBuilder tsv = new StringBuilder();
            for (Scored item : heldOut) {
                tsv.append(item.row().language()).append('\t').append(item.row().source().file()).append('\t')
                        .append(item.row().kind());
                for (Judgment judgment : Judgment.values()) {
                    tsv.append('\t').append(item.probabilities().getOrDefault(judgment, 0.0));
                }
                tsv.append('\t').append(item.row().text().replaceAll("\\s+", " ")).append('\n');
            }
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(dump), tsv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Map<Judgment, Double> thresholds = thresholds();
        StringBuilder out = new StringBuilder();
        out.append("## Classifier figures on held-out text (").append(version).append(")\n\n");
        out.append("Training rows: ").append(corpus.training().size()).append(" ")
                .append(HandoverCorpus.count(corpus.training())).append("; held-out rows: ").append(heldOut.size())
                .append(".\n\n");
        for (Judgment judgment : Judgment.values()) {
            double threshold = thresholds.get(judgment);
            out.append("### ").append(judgment.label()).append(" (").append(judgment.reason())
                    .append(String.format(Locale.ROOT, "), threshold %.2f%n%n", threshold));
            out.append("| language · file | positives | recall | negatives | flagged | precision |\n");
            out.append("|---|---:|---:|---:|---:|---:|\n");
            Map<String, Figures> groups = figures(heldOut, judgment, threshold);
            for (Map.Entry<String, Figures> group : groups.entrySet()) {
                Figures f = group.getValue();
                out.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %s |%n", group.getKey(), f.positives(),
                        percent(f.recall()), f.negatives(), percent(f.falsePositiveRate()), percent(f.precision())));
            }
            out.append("\nSweep over every held-out row:\n\n| threshold | recall | flagged | precision |\n|---:|---:|---:|---:|\n");
            for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
                Figures all = figures(heldOut, judgment, t).values().stream()
                        .reduce(new Figures(0, 0, 0, 0), Figures::plus);
                out.append(String.format(Locale.ROOT, "| %.1f | %s | %s | %s |%n", t, percent(all.recall()),
                        percent(all.falsePositiveRate()), percent(all.precision())));
            }
            out.append('\n');
        }
        out.append(kinds(heldOut, thresholds));
        if (Boolean.parseBoolean(System.getProperty("handover.decisions", "true"))) {
            out.append('\n').append(decisions(corpus.heldOut(), classifier));
        }
        return out.toString();
    }

    /** What a decision does with one held-out message, rules alone and rules with the classifiers. */
    record Decided(boolean handedOver, boolean asHumanRequested) {
    }

    static Decided decide(dev.baton.handover.HandoverRules rules, String text) {
        dev.baton.handover.Decision decision = rules.evaluate(java.util.UUID.randomUUID(),
                dev.baton.handover.Situation.of(List.of(dev.baton.handover.Situation.Turn.customer(text))));
        return new Decided(decision.handover(),
                decision.reasons().contains(dev.baton.handover.HandoverReason.HUMAN_REQUESTED));
    }

    /** The measure: one message per decision, default settings; the share handed over per kind. */
    static String decisions(List<Row> heldOut, HandoverClassifier classifier) {
        RuleBook defaults = HandoverProperties.defaults().ruleBook();
        var alone = TestHandoverRules.with(defaults, new HandoverClassifier(null, Map.of()));
        var with = TestHandoverRules.with(defaults, classifier);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Row row : heldOut.stream().sorted(java.util.Comparator.comparing(Row::language)
                .thenComparing(r -> r.source().file()).thenComparing(Row::kind)).toList()) {
            String key = row.language() + " · " + row.source().file() + " · " + row.kind();
            int[] c = counts.computeIfAbsent(key, k -> new int[5]);
            Decided before = decide(alone, row.text());
            Decided after = decide(with, row.text());
            c[0]++;
            c[1] += before.handedOver() ? 1 : 0;
            c[2] += after.handedOver() ? 1 : 0;
            c[3] += before.asHumanRequested() ? 1 : 0;
            c[4] += after.asHumanRequested() ? 1 : 0;
        }
        StringBuilder out = new StringBuilder("### Decisions on held-out messages: share handed over\n\n"
                + "One customer message per decision, default settings, no chat model: the rules alone, then the rules "
                + "with the classifiers.\n\n| language · file · kind | rows | handed over, rules | handed over, with "
                + "classifiers | as HUMAN_REQUESTED, rules | as HUMAN_REQUESTED, with classifiers |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        counts.forEach((key, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", key, c[0],
                percent((double) c[1] / c[0]), percent((double) c[2] / c[0]), percent((double) c[3] / c[0]),
                percent((double) c[4] / c[0]))));
        return out.toString();
    }

    /** For each kind of message per language and file: the share each judgment flags. */
    private static String kinds(List<Scored> heldOut, Map<Judgment, Double> thresholds) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Scored item : heldOut.stream().sorted(java.util.Comparator
                .comparing((Scored s) -> s.row().language()).thenComparing(s -> s.row().source().file())
                .thenComparing(s -> s.row().kind())).toList()) {
            String key = item.row().language() + " · " + item.row().source().file() + " · " + item.row().kind();
            int[] c = counts.computeIfAbsent(key, k -> new int[4]);
            c[0]++;
            int i = 1;
            for (Judgment judgment : Judgment.values()) {
                if (item.probabilities().getOrDefault(judgment, 0.0) >= thresholds.get(judgment)) {
                    c[i]++;
                }
                i++;
            }
        }
        StringBuilder out = new StringBuilder("### Share of each kind of held-out message flagged\n\n"
                + "| language · file · kind | rows | person | complaint | sensitive |\n|---|---:|---:|---:|---:|\n");
        counts.forEach((key, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", key, c[0],
                percent((double) c[1] / c[0]), percent((double) c[2] / c[0]), percent((double) c[3] / c[0]))));
        return out.toString();
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }
}
