package dev.baton.handover.internal;

import dev.baton.handover.internal.HandoverClassifier.Judgment;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The labelled text the handover classifiers learn from and are measured on, in one shape: the externally written
 * files of {@code ../shared/datasets/} (their {@code SOURCES.md} gives origin and licence) and the examples we wrote
 * ourselves in {@code training/handover/written/<lang>*.csv}.
 *
 * <p>Each row gets a {@link Kind}: what a shopper's message of that kind should make Baton do. Only files under a
 * permissive licence (CC BY, Apache-2.0, MIT) and our own writing are {@link Row#trainable() trainable}, and of
 * those a fifth is held out by a hash of the normalised text (so a text and its copies fall on the same side, on
 * every machine). The copyleft, unlicensed and non-commercial files are for measuring only.
 */
final class HandoverCorpus {

    /** What a message is, as far as the handover is concerned. */
    enum Kind {
        /** Asks for a person. */
        PERSON,
        /** Complains, or is angry or upset with the store, a service or a product. */
        COMPLAINT,
        /** A sensitive account or payment matter: lost card, identity, closing the account, personal details. */
        SENSITIVE,
        /** An ordinary shopping or service question. */
        ROUTINE,
        /** Happy, grateful, praising. */
        POSITIVE,
        /** Anything else: greetings, small talk, neutral remarks. */
        OTHER;

        boolean is(Judgment judgment) {
            return switch (judgment) {
                case PERSON -> this == PERSON;
                case COMPLAINT -> this == COMPLAINT;
                case SENSITIVE -> this == SENSITIVE;
            };
        }
    }

    /** Where a row comes from: a file, its language, and whether its licence lets a shipped model learn from it. */
    record Source(String file, String language, boolean permissive, boolean ownWriting) {
    }

    record Row(String text, Kind kind, Source source, String label, boolean heldOut) {

        boolean trainable() {
            return source.permissive() && !heldOut;
        }

        String language() {
            return source.language();
        }
    }

    /** The external files a shipped model may learn from (SOURCES.md: CC BY, Apache-2.0, MIT). */
    static final Set<String> PERMISSIVE = Set.of("en_banking77-train.csv", "en_clinc150.csv",
            "en_rasa-helpdesk-assistant.csv", "id_smsa.csv", "id_emot.csv");

    static final List<String> LANGUAGES = List.of("en", "es", "pt", "ru", "id", "pl");

    private final List<Row> rows;

    private HandoverCorpus(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    List<Row> rows() {
        return rows;
    }

    List<Row> training() {
        return rows.stream().filter(Row::trainable).toList();
    }

    /** Every row a model never learnt from, less any whose text a trainable file also has (e.g. "thanks"). */
    List<Row> heldOut() {
        Set<String> trained = new HashSet<>();
        training().forEach(row -> trained.add(MessageFeatures.normalize(row.text()).strip()));
        return rows.stream().filter(row -> !row.trainable())
                .filter(row -> !trained.contains(MessageFeatures.normalize(row.text()).strip())).toList();
    }

    /** The datasets folder beside the project ({@code ../shared/datasets}) unless {@code baton.datasets} says. */
    static Path datasets() {
        return Path.of(System.getProperty("baton.datasets", "../shared/datasets"));
    }

    static Path written() {
        return Path.of(System.getProperty("baton.written", "training/handover/written"));
    }

    static HandoverCorpus load() {
        return load(datasets(), written());
    }

    static HandoverCorpus load(Path datasets, Path written) {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (var files = Files.list(datasets)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".csv")).sorted().toList()) {
                String name = file.getFileName().toString();
                Source source = new Source(name, name.substring(0, 2), PERMISSIVE.contains(name), false);
                for (CSVRecord record : records(file)) {
                    external(name, record.get("label"), record.get("task")).ifPresent(kind ->
                            add(rows, seen, record.get("text"), kind, source, record.get("label")));
                }
            }
            try (var own = Files.exists(written) ? Files.list(written) : java.util.stream.Stream.<Path>empty()) {
                for (Path file : own.filter(path -> path.toString().endsWith(".csv")).sorted().toList()) {
                    String name = file.getFileName().toString();
                    Source source = new Source("written/" + name, name.substring(0, 2), true, true);
                    for (CSVRecord record : records(file)) {
                        String label = record.get("label");
                        add(rows, seen, record.get("text"), written(label), source, label);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the handover training data under " + datasets.toAbsolutePath()
                    + " and " + written.toAbsolutePath(), e);
        }
        return new HandoverCorpus(rows);
    }

    /** The kind an external file's label stands for, or empty for rows that say nothing a handover needs. */
    static Optional<Kind> external(String file, String label, String task) {
        return Optional.ofNullable(switch (file) {
            case "en_banking77-train.csv" -> "C".equals(task) ? Kind.SENSITIVE : Kind.ROUTINE;
            case "en_clinc150.csv" -> "C".equals(task) ? Kind.SENSITIVE : "D".equals(task) ? Kind.ROUTINE : Kind.OTHER;
            case "en_rasa-helpdesk-assistant.csv", "en_rasa-demo.csv" -> switch (label) {
                case "human_handoff" -> Kind.PERSON;
                case "password_reset" -> Kind.SENSITIVE;
                case "react_negative" -> Kind.COMPLAINT;
                case "react_positive", "thank" -> Kind.POSITIVE;
                default -> Kind.OTHER;
            };
            case "en_twitter-complaints.csv" -> "1".equals(label) ? Kind.COMPLAINT : Kind.OTHER;
            case "id_smsa.csv" -> switch (label) {
                case "negative" -> Kind.COMPLAINT;
                case "positive" -> Kind.POSITIVE;
                default -> Kind.OTHER;
            };
            // sadness and fear are about the writer's life more often than about a shop: not a complaint, not calm
            case "id_emot.csv" -> switch (label) {
                case "anger" -> Kind.COMPLAINT;
                case "happy", "love" -> Kind.POSITIVE;
                default -> null;
            };
            case "ru_sentirueval2016.csv" -> switch (label) {
                case "-1" -> Kind.COMPLAINT;
                case "1" -> Kind.POSITIVE;
                default -> Kind.OTHER;
            };
            // 1-5 stars of tourism reviews; a 3 is neither
            case "es_restmex-tourism-reviews.csv" -> switch (label) {
                case "1", "2" -> Kind.COMPLAINT;
                case "4", "5" -> Kind.POSITIVE;
                default -> null;
            };
            // every row is a complaint; the label is how dissatisfied (1 to 5)
            case "pt_reclameaqui-gov-insatisfacao.csv" -> Kind.COMPLAINT;
            default -> null;
        });
    }

    /** The labels of our own files: human, complaint, sensitive, routine, positive, other. */
    static Kind written(String label) {
        return "human".equals(label) ? Kind.PERSON : Kind.valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    private static void add(List<Row> rows, Set<String> seen, String text, Kind kind, Source source, String label) {
        if (text == null || text.isBlank()) {
            return;
        }
        String normalized = MessageFeatures.normalize(text).strip();
        if (!seen.add(source.file() + "\u0000" + normalized)) {
            return;
        }
        rows.add(new Row(text, kind, source, label, heldOut(normalized)));
    }

    /** A fifth of the texts, chosen by a hash of the normalised text: the same on every machine and every run. */
    static boolean heldOut(String normalized) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return Math.floorMod(digest[0], 5) == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    /** Rows per kind, for the report. */
    static Map<Kind, Long> count(List<Row> rows) {
        Map<Kind, Long> counts = new java.util.EnumMap<>(Kind.class);
        rows.forEach(row -> counts.merge(row.kind(), 1L, Long::sum));
        return counts;
    }
}
