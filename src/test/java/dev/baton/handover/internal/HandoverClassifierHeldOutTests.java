package dev.baton.handover.internal;

import dev.baton.handover.Decision;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.Situation;
import dev.baton.handover.Situation.Turn;
import dev.baton.handover.internal.HandoverCorpus.Kind;
import dev.baton.handover.internal.HandoverCorpus.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision with the shipped classifiers, measured on text the models never learnt from: the externally written
 * files a shipped model may not learn from (copyleft, unlicensed, non-commercial) and the fifth of every trainable
 * file held out by hash ({@link HandoverCorpus}). One customer message per decision, default settings, as
 * {@code POST /api/v1/handover/evaluate} would judge it. The floors and ceilings are the first honest measurement of
 * these models less a margin (docs/handover-classifiers.md has the figures); a retrained model must keep them.
 *
 * <p>Reads {@code ../shared/datasets/} (CI has it beside the checkout) and {@code training/handover/written/}.
 */
class HandoverClassifierHeldOutTests {

    static List<Judged> judged;

    /** A held-out row and what the decision did with it. */
    record Judged(Row row, Decision decision) {

        boolean handedOver() {
            return decision.handover();
        }

        boolean asPerson() {
            return decision.reasons().contains(HandoverReason.HUMAN_REQUESTED);
        }
    }

    @BeforeAll
    static void judgeEveryHeldOutMessage() {
        HandoverRuleEngine rules = TestHandoverRules.with(HandoverProperties.defaults().ruleBook());
        UUID account = UUID.randomUUID();
        judged = sample(HandoverCorpus.load().heldOut()).stream()
                .map(row -> new Judged(row, rules.evaluate(account, Situation.of(List.of(Turn.customer(row.text()))))))
                .toList();
    }

    /**
     * At most {@value #PER_GROUP} rows of each file and kind, the first by a hash of the text (the same rows on every
     * run): a decision takes a few milliseconds with the embedding model, and the full 15,000 rows took two minutes.
     * The training report measures every row.
     */
    static List<Row> sample(List<Row> rows) {
        java.util.Map<String, List<Row>> groups = new java.util.TreeMap<>();
        rows.forEach(row -> groups.computeIfAbsent(row.source().file() + " " + row.kind(), key -> new java.util.ArrayList<>())
                .add(row));
        return groups.values().stream().flatMap(group -> group.stream()
                .sorted(java.util.Comparator.comparing(row -> row.text().hashCode())).limit(PER_GROUP)).toList();
    }

    static final int PER_GROUP = 200;

    @Test
    void theHeldOutTextIsThereInEveryLanguageAndTheModelsJudgedIt() {
        assertThat(judged).hasSizeGreaterThan(5_000);
        assertThat(judged).extracting(item -> item.row().language()).contains("en", "es", "pt", "ru", "id", "pl");
        assertThat(judged).allSatisfy(item -> assertThat(item.decision().classifier().version()).isNotNull());
    }

    static Stream<Arguments> floors() {
        return Stream.of(
                // requests for a person: handed over as HUMAN_REQUESTED
                floor("en: requests for a person (rasa, GPL, never trained)", file("en_rasa-demo.csv", Kind.PERSON),
                        Judged::asPerson, FLOOR_EN_PERSON_RASA),
                floor("own writing: requests for a person, every language", written(Kind.PERSON), Judged::asPerson,
                        FLOOR_WRITTEN_PERSON),
                floor("own writing: requests for a person, en", written("en", Kind.PERSON), Judged::asPerson, 0.72),
                floor("own writing: requests for a person, es", written("es", Kind.PERSON), Judged::asPerson, 0.89),
                floor("own writing: requests for a person, pt", written("pt", Kind.PERSON), Judged::asPerson, 0.82),
                floor("own writing: requests for a person, ru", written("ru", Kind.PERSON), Judged::asPerson, 0.78),
                floor("own writing: requests for a person, id", written("id", Kind.PERSON), Judged::asPerson, 0.8),
                floor("own writing: requests for a person, pl", written("pl", Kind.PERSON), Judged::asPerson, 0.85),
                // complaints: handed over
                floor("en: complaints to companies (tweets, never trained)", file("en_twitter-complaints.csv",
                        Kind.COMPLAINT), Judged::handedOver, FLOOR_EN_TWEETS),
                floor("id: negative reviews and texts (SmSA held out)", file("id_smsa.csv", Kind.COMPLAINT),
                        Judged::handedOver, FLOOR_ID_SMSA),
                floor("id: angry tweets (EmoT held out)", file("id_emot.csv", Kind.COMPLAINT), Judged::handedOver,
                        FLOOR_ID_EMOT),
                floor("es: 1-2 star reviews (Rest-Mex, never trained)", file("es_restmex-tourism-reviews.csv",
                        Kind.COMPLAINT), Judged::handedOver, FLOOR_ES_RESTMEX),
                floor("pt: complaints (ReclameAqui, never trained)", file("pt_reclameaqui-gov-insatisfacao.csv",
                        Kind.COMPLAINT), Judged::handedOver, FLOOR_PT_RECLAMEAQUI),
                floor("ru: negative tweets (SentiRuEval, never trained)", file("ru_sentirueval2016.csv",
                        Kind.COMPLAINT), Judged::handedOver, FLOOR_RU_SENTIRUEVAL),
                floor("own writing: complaints, every language", written(Kind.COMPLAINT), Judged::handedOver,
                        FLOOR_WRITTEN_COMPLAINT),
                floor("own writing: complaints, en", written("en", Kind.COMPLAINT), Judged::handedOver, 0.64),
                floor("own writing: complaints, es", written("es", Kind.COMPLAINT), Judged::handedOver, 0.68),
                floor("own writing: complaints, pt", written("pt", Kind.COMPLAINT), Judged::handedOver, 0.69),
                floor("own writing: complaints, ru", written("ru", Kind.COMPLAINT), Judged::handedOver, 0.71),
                floor("own writing: complaints, id", written("id", Kind.COMPLAINT), Judged::handedOver, 0.75),
                floor("own writing: complaints, pl", written("pl", Kind.COMPLAINT), Judged::handedOver, 0.68),
                // sensitive matters: handed over
                floor("en: lost cards, identity, closing, personal details (banking77 + CLINC held out)",
                        files(Kind.SENSITIVE, "en_banking77-train.csv", "en_clinc150.csv"), Judged::handedOver,
                        FLOOR_EN_SENSITIVE),
                floor("own writing: sensitive matters, every language", written(Kind.SENSITIVE), Judged::handedOver,
                        FLOOR_WRITTEN_SENSITIVE),
                floor("own writing: sensitive matters, en", written("en", Kind.SENSITIVE), Judged::handedOver, 0.7),
                floor("own writing: sensitive matters, es", written("es", Kind.SENSITIVE), Judged::handedOver, 0.75),
                floor("own writing: sensitive matters, pt", written("pt", Kind.SENSITIVE), Judged::handedOver, 0.78),
                floor("own writing: sensitive matters, ru", written("ru", Kind.SENSITIVE), Judged::handedOver, 0.53),
                floor("own writing: sensitive matters, id", written("id", Kind.SENSITIVE), Judged::handedOver, 0.8),
                floor("own writing: sensitive matters, pl", written("pl", Kind.SENSITIVE), Judged::handedOver, 0.65));
    }

    static Stream<Arguments> ceilings() {
        return Stream.of(
                ceiling("en: routine banking and shopping questions (banking77 + CLINC held out)",
                        files(Kind.ROUTINE, "en_banking77-train.csv", "en_clinc150.csv"), CEILING_EN_ROUTINE),
                ceiling("own writing: routine shopping questions, every language", written(Kind.ROUTINE),
                        CEILING_WRITTEN_ROUTINE),
                ceiling("id: positive reviews and texts (SmSA held out)", file("id_smsa.csv", Kind.POSITIVE),
                        CEILING_ID_SMSA_POSITIVE),
                ceiling("id: happy tweets (EmoT held out)", file("id_emot.csv", Kind.POSITIVE),
                        CEILING_ID_EMOT_POSITIVE),
                ceiling("es: 4-5 star reviews (Rest-Mex, never trained)", file("es_restmex-tourism-reviews.csv",
                        Kind.POSITIVE), CEILING_ES_RESTMEX_POSITIVE),
                ceiling("ru: positive tweets (SentiRuEval, never trained)", file("ru_sentirueval2016.csv",
                        Kind.POSITIVE), CEILING_RU_POSITIVE),
                ceiling("en: tweets to companies that are not complaints (never trained)",
                        file("en_twitter-complaints.csv", Kind.OTHER), CEILING_EN_TWEETS_OTHER),
                ceiling("own writing: positive messages, every language", written(Kind.POSITIVE),
                        CEILING_WRITTEN_POSITIVE),
                ceiling("own writing: routine questions, en", written("en", Kind.ROUTINE), 0.12),
                ceiling("own writing: routine questions, es", written("es", Kind.ROUTINE), 0.08),
                ceiling("own writing: routine questions, pt", written("pt", Kind.ROUTINE), 0.07),
                ceiling("own writing: routine questions, ru", written("ru", Kind.ROUTINE), 0.1),
                ceiling("own writing: routine questions, id", written("id", Kind.ROUTINE), 0.07),
                ceiling("own writing: routine questions, pl", written("pl", Kind.ROUTINE), 0.08),
                ceiling("own writing: positive messages, en", written("en", Kind.POSITIVE), 0.18),
                ceiling("own writing: positive messages, es", written("es", Kind.POSITIVE), 0.2),
                ceiling("own writing: positive messages, pt", written("pt", Kind.POSITIVE), 0.18),
                ceiling("own writing: positive messages, ru", written("ru", Kind.POSITIVE), 0.16),
                ceiling("own writing: positive messages, id", written("id", Kind.POSITIVE), 0.14),
                ceiling("own writing: positive messages, pl", written("pl", Kind.POSITIVE), 0.17));
    }

    @ParameterizedTest(name = "{0}: at least {2}")
    @MethodSource("floors")
    void handsOverAtLeast(String name, Predicate<Row> rows, Predicate<Judged> counted, double floor) {
        List<Judged> group = judged.stream().filter(item -> rows.test(item.row())).toList();

        assertThat(group).as(name).hasSizeGreaterThanOrEqualTo(15);
        assertThat(share(name, group, counted)).as(name).isGreaterThanOrEqualTo(floor);
    }

    @ParameterizedTest(name = "{0}: at most {2}")
    @MethodSource("ceilings")
    void wronglyHandsOverAtMost(String name, Predicate<Row> rows, double ceiling) {
        List<Judged> group = judged.stream().filter(item -> rows.test(item.row())).toList();

        assertThat(group).as(name).hasSizeGreaterThanOrEqualTo(15);
        assertThat(share(name, group, Judged::handedOver)).as(name).isLessThanOrEqualTo(ceiling);
    }

    private static double share(String name, List<Judged> group, Predicate<Judged> counted) {
        double share = (double) group.stream().filter(counted).count() / group.size();
        System.out.printf(Locale.ROOT, "held-out %.3f of %d: %s%n", share, group.size(), name);
        return share;
    }

    private static Arguments floor(String name, Predicate<Row> rows, Predicate<Judged> counted, double floor) {
        return Arguments.of(name, rows, counted, floor);
    }

    private static Arguments ceiling(String name, Predicate<Row> rows, double ceiling) {
        return Arguments.of(name, rows, ceiling);
    }

    private static Predicate<Row> file(String file, Kind kind) {
        return row -> row.source().file().equals(file) && row.kind() == kind;
    }

    private static Predicate<Row> files(Kind kind, String... files) {
        return row -> List.of(files).contains(row.source().file()) && row.kind() == kind;
    }

    private static Predicate<Row> written(String language, Kind kind) {
        return row -> row.source().ownWriting() && row.kind() == kind && row.language().equals(language);
    }

    private static Predicate<Row> written(Kind kind) {
        return row -> row.source().ownWriting() && row.kind() == kind;
    }

    // The first honest measurement of the shipped models (handover-classifiers-2026-12-07-f1, on the sample above)
    // less a margin of about 0.05 (0.07 for the groups of 30 to 60 rows); docs/handover-classifiers.md has all rows.
    static final double FLOOR_EN_PERSON_RASA = 0.93;
    static final double FLOOR_WRITTEN_PERSON = 0.84;
    static final double FLOOR_EN_TWEETS = 0.26;
    static final double FLOOR_ID_SMSA = 0.72;
    static final double FLOOR_ID_EMOT = 0.7;
    static final double FLOOR_ES_RESTMEX = 0.28;
    static final double FLOOR_PT_RECLAMEAQUI = 0.66;
    static final double FLOOR_RU_SENTIRUEVAL = 0.4;
    static final double FLOOR_WRITTEN_COMPLAINT = 0.71;
    static final double FLOOR_EN_SENSITIVE = 0.84;
    static final double FLOOR_WRITTEN_SENSITIVE = 0.74;
    static final double CEILING_EN_ROUTINE = 0.08;
    static final double CEILING_WRITTEN_ROUTINE = 0.07;
    static final double CEILING_ID_SMSA_POSITIVE = 0.08;
    static final double CEILING_ID_EMOT_POSITIVE = 0.22;
    static final double CEILING_ES_RESTMEX_POSITIVE = 0.08;
    static final double CEILING_RU_POSITIVE = 0.23;
    static final double CEILING_EN_TWEETS_OTHER = 0.13;
    static final double CEILING_WRITTEN_POSITIVE = 0.15;
}
