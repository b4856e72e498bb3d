package dev.baton.handover.internal;

import dev.baton.handover.internal.HandoverClassifier.Judgment;
import dev.baton.handover.internal.HandoverCorpus.Row;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the handover classifiers from the labelled text ({@link HandoverCorpus}) and writes them where the jar
 * takes them from, with a manifest, then measures them on what they never saw and writes the report
 * ({@code docs/handover-classifiers.md}: the intro from {@code training/handover/report-intro.md}, then the figures):
 *
 * <pre>./mvnw -Ptrain-handover test-compile exec:java</pre>
 *
 * With {@code -Dhandover.report-only=true} it measures the models already there and writes only the report.
 *
 * One L2-regularised logistic regression (LibLinear, through Tribuo) per judgment, a message of that judgment
 * against every other message. Deterministic: LibLinear's solver is seeded, the held-out split is a hash, and the
 * rows are read in a fixed order, so the same data gives the same models.
 */
public final class HandoverTraining {

    /** LibLinear's cost: how hard a mistake on a training message counts against the weights' size. */
    static final double COST = Double.parseDouble(System.getProperty("handover.cost", "16"));
    static final long SEED = 20261207L;
    /** How much more a missed message of the judgment counts than a wrongly flagged other one. */
    static final float YES_WEIGHT = Float.parseFloat(System.getProperty("handover.yes-weight", "1"));
    /**
     * Each routine question counts this many times: a routine question taken for a complaint or a sensitive matter
     * hands a shopper to a person for nothing, and order-status questions share their words with complaints.
     */
    static final int ROUTINE_COPIES = Integer.parseInt(System.getProperty("handover.routine-copies", "3"));
    static final int MIN_ROWS = Integer.parseInt(System.getProperty("handover.min-rows", "12"));

    private HandoverTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path models = Path.of(System.getProperty("handover.models", "src/main/resources/handover/models"));
        Path report = Path.of(System.getProperty("handover.report", "docs/handover-classifiers.md"));
        HandoverCorpus corpus = HandoverCorpus.load();
        HandoverClassifier classifier;
        if (Boolean.getBoolean("handover.report-only")) {
            // measure the models as they are (after a change of thresholds or rules), without training again
            classifier = new HandoverClassifier(models.toUri().toString());
        } else {
            // the minute of training tells two trainings of a day apart
            String version = "handover-classifiers-" + java.time.LocalDateTime.now().format(
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")) + "-" + MessageFeatures.VERSION;
            long started = System.nanoTime();
            Map<Judgment, Model<Label>> trained = train(corpus.training());
            System.out.printf("Trained on %d rows in %.1f s%n", corpus.training().size(),
                    (System.nanoTime() - started) / 1e9);
            write(models, version, trained, corpus);
            classifier = new HandoverClassifier(version, trained);
        }
        String version = classifier.version().orElseThrow();
        String text = Files.readString(Path.of("training/handover/report-intro.md")) + "\n"
                + HandoverReport.write(corpus, classifier, version);
        Files.writeString(report, text);
        System.out.println(text);
    }

    static Map<Judgment, Model<Label>> train(List<Row> rows) {
        Map<Judgment, Model<Label>> models = new EnumMap<>(Judgment.class);
        Set<String> kept = frequentFeatures(rows);
        for (Judgment judgment : Judgment.values()) {
            models.put(judgment, train(rows, judgment, kept));
        }
        return models;
    }

    static Model<Label> train(List<Row> rows, Judgment judgment, Set<String> kept) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("handover corpus: " + judgment.label(), labels), labels);
        for (Row row : rows) {
            String label = row.kind().is(judgment) ? HandoverClassifier.YES : HandoverClassifier.NO;
            Example<Label> example = HandoverClassifier.example(row.text(), new Label(label));
            example.removeFeatures(StreamSupport.stream(example.spliterator(), false)
                    .filter(feature -> !kept.contains(feature.getName())).toList());
            int copies = row.kind() == HandoverCorpus.Kind.ROUTINE ? ROUTINE_COPIES : 1;
            for (int copy = 0; copy < copies; copy++) {
                dataset.add(example);
            }
        }
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearType.L2R_LR), COST, 1000, 0.001, SEED);
        trainer.setLabelWeights(Map.of(new Label(HandoverClassifier.YES), YES_WEIGHT, new Label(HandoverClassifier.NO), 1f));
        Model<Label> model = trainer.train(dataset);
        System.out.printf("%s: %d rows, %d features%n", judgment.label(), dataset.size(), model.getFeatureIDMap().size());
        return model;
    }

    /**
     * The features of at least {@link #MIN_ROWS} training rows: one seen in a single message says more about that
     * message than about a kind of message, and dropping them keeps the model files small.
     */
    static Set<String> frequentFeatures(List<Row> rows) {
        Map<String, Integer> rowsWith = new HashMap<>();
        for (Row row : rows) {
            for (MessageFeatures.Feature feature : MessageFeatures.of(row.text())) {
                rowsWith.merge(feature.name(), 1, Integer::sum);
            }
        }
        Set<String> kept = new HashSet<>();
        rowsWith.forEach((name, count) -> {
            if (count >= MIN_ROWS) {
                kept.add(name);
            }
        });
        return kept;
    }

    private static void write(Path folder, String version, Map<Judgment, Model<Label>> models, HandoverCorpus corpus)
            throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<Judgment, Model<Label>> entry : models.entrySet()) {
            try (OutputStream out = new GZIPOutputStream(
                    Files.newOutputStream(folder.resolve(entry.getKey().label() + ".tribuo.gz")))) {
                entry.getValue().serializeToStream(out);
            }
        }
        String manifest = "# Written by HandoverTraining (./mvnw -Ptrain-handover test-compile exec:java); do not edit.\n"
                + "version=" + version + "\n"
                + "features=" + MessageFeatures.VERSION + "\n"
                + "trainingRows=" + corpus.training().size() + "\n"
                + "cost=" + COST + "\n"
                + "minRows=" + MIN_ROWS + "\n"
                + "routineCopies=" + ROUTINE_COPIES + "\n";
        Files.writeString(folder.resolve("manifest.properties"), manifest);
    }
}
