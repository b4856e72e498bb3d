package dev.baton.agent.internal;

import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import dev.baton.shared.ProductCard;
import dev.baton.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's product and policy answers on a labelled set of shopper questions in six languages
 * ({@code agent/shopper-questions/<lang>.jsonl}, written by people who never saw the agent's code), on the demo store
 * and on a second store this test builds ({@link SecondStore}: Polish titles, PLN). Each question lists the facts the
 * answer must and must not contain and the products it may show; the floors below keep what was reached, per language
 * and per kind. The figures are in docs/agent-quality.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopperQuestionsTests {

    static final List<String> LANGUAGES = List.of("en", "es", "pt", "ru", "pl", "id");

    /** The share of the whole set answered correctly, at least. */
    static final double OVERALL_FLOOR = 0.95;
    /** ... of each language's questions. */
    static final double LANGUAGE_FLOOR = 0.88;
    /** ... of each kind's questions (price, option_stock, budget...). */
    static final double KIND_FLOOR = 0.90;
    /**
     * The held-out set ({@code agent/shopper-questions-held-out/}) was written after the agent was tuned on the first
     * and run once to set these: it stands for questions nobody here wrote.
     */
    static final double HELD_OUT_OVERALL_FLOOR = 0.80;
    static final double HELD_OUT_LANGUAGE_FLOOR = 0.68;
    /**
     * The second held-out set ({@code agent/shopper-questions-held-out-2/}) was written after the first held-out set had
     * been used to find what the agent misread, by a helper who read neither the code, the lexicon nor the other
     * sets; run once to set these.
     */
    static final double SECOND_HELD_OUT_OVERALL_FLOOR = 0.85;
    static final double SECOND_HELD_OUT_LANGUAGE_FLOOR = 0.75;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
    }

    @Autowired
    AgentService agent;
    @Autowired
    Catalog catalog;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    UUID demo;
    UUID second;

    @BeforeAll
    void storesLoadedAndIndexed() throws IOException {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select account_id from catalog_store where name = 'Northwind Outfitters'").query(UUID.class).optional()
                .isPresent());
        demo = jdbc.sql("select account_id from catalog_store where name = 'Northwind Outfitters'").query(UUID.class).single();
        second = accounts.create("Sklep Górski " + UUID.randomUUID()).id();
        SecondStore.load(catalog, json, second);
        for (UUID account : List.of(demo, second)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> jdbc.sql("""
                    select count(*) from knowledge_source where account_id = :a and status <> 'INDEXED'""")
                    .param("a", account).query(Long.class).single() == 0
                    && jdbc.sql("select count(*) from knowledge_source where account_id = :a").param("a", account)
                    .query(Long.class).single() > 10);
        }
    }

    record Question(String id, String language, String store, String kind, String text, List<String> products,
            String first, List<String> must, List<String> mustNot, Boolean available, boolean met, boolean handover) {
    }

    record Outcome(Question question, String reply, List<ProductCard> cards, List<String> failures) {

        boolean passed() {
            return failures.isEmpty();
        }
    }

    @Test
    void theLabelledQuestionsAreAnsweredWithTheRightFactsAboveTheFloorsInEveryLanguageAndKind() throws IOException {
        List<Question> questions = questions("shopper-questions");
        assertThat(questions).hasSizeGreaterThanOrEqualTo(240);
        for (String language : LANGUAGES) {
            assertThat(questions.stream().filter(q -> q.language().equals(language)).count()).as(language)
                    .isGreaterThanOrEqualTo(40);
        }
        List<Outcome> outcomes = askAll(questions, "shopper-questions-report.md");

        assertThat(share(outcomes)).as("overall").isGreaterThanOrEqualTo(OVERALL_FLOOR);
        for (String language : LANGUAGES) {
            assertThat(share(outcomes.stream().filter(o -> o.question().language().equals(language)).toList()))
                    .as("language %s", language).isGreaterThanOrEqualTo(LANGUAGE_FLOOR);
        }
        for (String kind : outcomes.stream().map(o -> o.question().kind()).distinct().toList()) {
            assertThat(share(outcomes.stream().filter(o -> o.question().kind().equals(kind)).toList()))
                    .as("kind %s", kind).isGreaterThanOrEqualTo(KIND_FLOOR);
        }
    }

    @Test
    void theHeldOutQuestionsAreAnsweredAboveTheirFloors() throws IOException {
        assertHeldOut("shopper-questions-held-out", HELD_OUT_OVERALL_FLOOR, HELD_OUT_LANGUAGE_FLOOR);
    }

    @Test
    void theSecondHeldOutQuestionsAreAnsweredAboveTheirFloors() throws IOException {
        assertHeldOut("shopper-questions-held-out-2", SECOND_HELD_OUT_OVERALL_FLOOR, SECOND_HELD_OUT_LANGUAGE_FLOOR);
    }

    /** A held-out set's questions, asked; the share answered right at least the floors, overall and per language. */
    private void assertHeldOut(String folder, double overallFloor, double languageFloor) throws IOException {
        List<Question> questions = questions(folder);
        assertThat(questions).hasSizeGreaterThanOrEqualTo(120);

        List<Outcome> outcomes = askAll(questions, folder + "-report.md");

        assertThat(share(outcomes)).as("overall").isGreaterThanOrEqualTo(overallFloor);
        for (String language : LANGUAGES) {
            assertThat(share(outcomes.stream().filter(o -> o.question().language().equals(language)).toList()))
                    .as("language %s", language).isGreaterThanOrEqualTo(languageFloor);
        }
    }

    private List<Outcome> askAll(List<Question> questions, String reportFile) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Question question : questions) {
            outcomes.add(ask(question));
        }
        String report = report(outcomes);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", reportFile), report, StandardCharsets.UTF_8);
        System.out.println(report);
        return outcomes;
    }

    private Outcome ask(Question question) {
        UUID account = question.store().equals("demo") ? demo : second;
        UUID conversation = agent.startConversation(account, "PLAYGROUND");
        AgentReply reply = agent.reply(account, conversation, question.text());
        List<String> failures = new ArrayList<>();
        String text = normal(reply.text());
        if (reply.handover() != question.handover()) {
            failures.add("handover " + reply.handover() + " " + reply.trace().tools().stream()
                    .filter(call -> call.name().equals("requestHandover")).map(Trace.ToolCall::result).toList());
        }
        for (String fact : question.must()) {
            if (!text.contains(normal(fact))) {
                failures.add("missing '" + fact + "'");
            }
        }
        for (String fact : question.mustNot()) {
            if (text.contains(normal(fact))) {
                failures.add("states '" + fact + "'");
            }
        }
        List<ProductCard> cards = reply.cards();
        if (cards.size() > ProductFinder.SHOWN) {
            failures.add(cards.size() + " cards");
        }
        if (!question.products().isEmpty()) {
            if (cards.isEmpty()) {
                failures.add("no product shown");
            }
            cards.stream().map(ProductCard::title).filter(title -> !question.products().contains(title))
                    .forEach(title -> failures.add("shows " + title));
            if (question.first() != null && !cards.isEmpty() && !cards.get(0).title().equals(question.first())) {
                failures.add("first " + cards.get(0).title());
            }
        }
        if (question.available() != null) {
            if (cards.isEmpty() || cards.get(0).option() == null) {
                failures.add("no option answered");
            } else if (cards.get(0).available() != question.available()) {
                failures.add("option " + cards.get(0).option() + " available " + cards.get(0).available());
            }
        }
        if (!question.products().isEmpty()) {
            Object met = reply.trace().tools().stream().filter(call -> call.name().equals("searchProducts"))
                    .map(call -> call.arguments().get("met")).reduce((a, b) -> b).orElse(null);
            if (met != null && !met.equals(question.met())) {
                failures.add("met " + met);
            }
        }
        if (!failures.isEmpty()) {
            reply.trace().tools().stream().filter(call -> call.name().equals("searchProducts"))
                    .forEach(call -> failures.add("understood " + call.arguments()));
        }
        return new Outcome(question, reply.text(), cards, failures);
    }

    /** Folded ("Wisła" is "wisla"), and digits without thousands or decimal separators ("$1,299.00" is "$129900"). */
    static String normal(String text) {
        return Words.fold(text).replaceAll("(?<=\\d)[.,\\s\u00a0\u202f](?=\\d)", "");
    }

    private static double share(List<Outcome> outcomes) {
        return outcomes.isEmpty() ? 1 : (double) outcomes.stream().filter(Outcome::passed).count() / outcomes.size();
    }

    private List<Question> questions(String folder) throws IOException {
        List<Question> questions = new ArrayList<>();
        for (String language : LANGUAGES) {
            try (InputStream in = getClass().getResourceAsStream("/agent/" + folder + "/" + language + ".jsonl")) {
                assertThat(in).as(language).isNotNull();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = json.readTree(line);
                    questions.add(new Question(node.path("id").asString(), language, node.path("store").asString(),
                            node.path("kind").asString(), node.path("question").asString(), strings(node.path("products")),
                            node.path("first").isNull() || node.path("first").isMissingNode() ? null : node.path("first").asString(),
                            strings(node.path("must")), strings(node.path("mustNot")),
                            node.path("available").isBoolean() ? node.path("available").asBoolean() : null,
                            !node.path("met").isBoolean() || node.path("met").asBoolean(),
                            node.path("handover").asBoolean(false)));
                }
            }
        }
        return questions;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String report(List<Outcome> outcomes) {
        StringBuilder report = new StringBuilder("| | questions | answered right |\n|---|---:|---:|\n");
        report.append(row("all", outcomes));
        for (String language : LANGUAGES) {
            report.append(row(language, outcomes.stream().filter(o -> o.question().language().equals(language)).toList()));
        }
        Map<String, List<Outcome>> byKind = new TreeMap<>();
        outcomes.forEach(o -> byKind.computeIfAbsent(o.question().kind(), k -> new ArrayList<>()).add(o));
        byKind.forEach((kind, list) -> report.append(row(kind, list)));
        Map<String, List<Outcome>> byStore = new TreeMap<>();
        outcomes.forEach(o -> byStore.computeIfAbsent("store " + o.question().store(), k -> new ArrayList<>()).add(o));
        byStore.forEach((store, list) -> report.append(row(store, list)));
        report.append("\nWrong:\n");
        outcomes.stream().filter(o -> !o.passed()).forEach(o -> report.append("- ").append(o.question().id()).append(" ")
                .append(o.question().text()).append(" -> ").append(o.failures()).append(" | ")
                .append(o.reply().replace("\n", " / ")).append('\n'));
        return report.toString();
    }

    private static String row(String name, List<Outcome> outcomes) {
        long right = outcomes.stream().filter(Outcome::passed).count();
        return "| " + name + " | " + outcomes.size() + " | " + right + " ("
                + String.format(java.util.Locale.ROOT, "%.0f%%", 100.0 * right / Math.max(1, outcomes.size())) + ") |\n";
    }
}
