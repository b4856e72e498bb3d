package dev.baton.agent.internal;

import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.knowledge.TextEmbeddings;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the passage of the store's policies that answers a policy question: the question's topics (returns, refund,
 * shipping, payment, duration, cost...) in any of the six languages, found again in the policies' own words, with the
 * passage's heading counting too; the closeness in meaning decides between passages that tie. A payment question finds
 * the payment methods wherever the store wrote them.
 */
@Component
class PolicyAnswers {

    private final Lexicon lexicon;
    private final TextEmbeddings embeddings;

    PolicyAnswers(Lexicon lexicon, TextEmbeddings embeddings) {
        this.lexicon = lexicon;
        this.embeddings = embeddings;
    }

    /** The policy topics of a question ("returns", "payment"): empty when it is not a policy question. */
    Set<String> topics(List<String> words) {
        Set<String> topics = new LinkedHashSet<>();
        for (Lexicon.Found found : lexicon.find(words, "policy")) {
            topics.add(found.concept());
        }
        return topics;
    }

    /** A passage of a policy, under its heading. */
    record Passage(Policy policy, String heading, String text, int position, boolean fragment) {
    }

    /** The passage that best answers the question, if any passage shares one of its policy topics. */
    Optional<Passage> answer(String question, List<Policy> policies) {
        List<String> words = Words.of(question);
        Set<String> asked = new LinkedHashSet<>(topics(words));
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        for (Lexicon.Found found : lexicon.find(words, "detail")) {
            asked.add("detail " + found.concept());
        }
        record Scored(Passage passage, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Policy policy : policies) {
            for (Passage passage : passages(policy)) {
                double score = 0;
                // A table row or a list item means little without its heading: the heading counts as its text.
                List<String> text = Words.of((passage.fragment() ? passage.heading() + " " : "") + passage.text());
                List<String> heading = Words.of(passage.heading() + " " + policy.title());
                for (String topic : asked) {
                    String kind = topic.startsWith("detail ") ? "detail" : "policy";
                    String concept = topic.startsWith("detail ") ? topic.substring(7) : topic;
                    double weight = kind.equals("policy") ? 1 : 0.6;
                    if (lexicon.mentions(text, kind, concept)) {
                        score += weight;
                    }
                    if (lexicon.mentions(heading, kind, concept)) {
                        score += weight / 2;
                    }
                }
                // A name from the question found in the passage ("PayPal", "InPost") weighs like a topic.
                for (String word : words) {
                    if (word.length() >= 4 && !Words.isNumber(word) && lexicon.find(List.of(word), null).isEmpty()
                            && text.contains(word)) {
                        score += 0.5;
                    }
                }
                score -= passage.position() * 0.01;
                if (score >= 1) {
                    scored.add(new Scored(passage, score));
                }
            }
        }
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        double top = scored.get(0).score();
        List<Scored> close = scored.stream().filter(s -> s.score() >= top - 0.5).limit(4).toList();
        if (close.size() == 1) {
            return Optional.of(close.get(0).passage());
        }
        float[] vector = embeddings.embed(question);
        return close.stream().max(Comparator.comparingDouble(s -> s.score()
                + TextEmbeddings.cosine(vector, embeddings.embed(s.passage().heading() + "\n" + s.passage().text()))))
                .map(Scored::passage);
    }

    /**
     * A policy's passages: its paragraphs, each list item and each table row on its own, under the nearest heading; a
     * table row reads "Standard: 3–7 business days, $6.95".
     */
    static List<Passage> passages(Policy policy) {
        List<Passage> passages = new ArrayList<>();
        String heading = "";
        StringBuilder paragraph = new StringBuilder();
        List<String> tableHeader = null;
        for (String raw : policy.body().split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                flush(passages, policy, heading, paragraph);
                heading = line.replaceAll("^#+\\s*", "");
                tableHeader = null;
            } else if (line.isEmpty()) {
                flush(passages, policy, heading, paragraph);
                tableHeader = null;
            } else if (line.startsWith("|")) {
                flush(passages, policy, heading, paragraph);
                List<String> cells = cells(line);
                if (cells.stream().allMatch(cell -> cell.matches("[-: ]*"))) {
                    continue;
                }
                if (tableHeader == null) {
                    tableHeader = cells;
                    continue;
                }
                StringBuilder row = new StringBuilder(cells.get(0)).append(':');
                for (int i = 1; i < cells.size(); i++) {
                    row.append(i == 1 ? " " : ", ").append(cells.get(i));
                }
                passages.add(new Passage(policy, heading, OfflineResponder.readable(row.toString()), passages.size(), true));
            } else if (line.matches("^([-*]|\\d+\\.)\\s+.*")) {
                flush(passages, policy, heading, paragraph);
                passages.add(new Passage(policy, heading, OfflineResponder.readable(line.replaceFirst("^([-*]|\\d+\\.)\\s+", "")),
                        passages.size(), true));
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line);
            }
        }
        flush(passages, policy, heading, paragraph);
        return passages;
    }

    private static void flush(List<Passage> passages, Policy policy, String heading, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            passages.add(new Passage(policy, heading, OfflineResponder.readable(paragraph.toString()), passages.size(), false));
            paragraph.setLength(0);
        }
    }

    private static List<String> cells(String row) {
        String inner = row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** Every policy type, for a question that may be answered anywhere. */
    static List<PolicyType> all() {
        return List.of(PolicyType.values());
    }
}
