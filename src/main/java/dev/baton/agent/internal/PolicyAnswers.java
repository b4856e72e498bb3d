package dev.baton.agent.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    /** Passages' embeddings, kept: policies change rarely and embedding one takes longer than the rest of a turn. */
    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(2_000).build();

    PolicyAnswers(Lexicon lexicon, TextEmbeddings embeddings) {
        this.lexicon = lexicon;
        this.embeddings = embeddings;
    }

    /** Topics narrower than others asked with them: "when do I get my money back" is about the refund more than the return. */
    private static final java.util.Map<String, Double> SPECIFIC = java.util.Map.of("refund", 1.3, "exchange", 1.3,
            "damaged", 1.3, "final-sale", 1.3, "international", 1.3, "payment", 1.2, "phone", 1.2, "email", 1.2,
            "hours", 1.2);

    /** The policy topics of a question ("returns", "payment"): empty when it is not a policy question. */
    Set<String> topics(List<String> words) {
        Set<String> topics = new LinkedHashSet<>();
        for (Lexicon.Found found : lexicon.find(words, "policy")) {
            topics.add(found.concept());
        }
        return topics;
    }

    /** A passage of a policy, under its heading. */
    /** {@code emphasis}: what the store wrote in bold in it ("30 days of delivery"), the policy's key terms. */
    record Passage(Policy policy, String heading, String text, int position, boolean fragment, String emphasis,
            boolean opening) {

        Passage(Policy policy, String heading, String text, int position, boolean fragment, String emphasis) {
            this(policy, heading, text, position, fragment, emphasis, false);
        }
    }

    private static final java.util.regex.Pattern BOLD = java.util.regex.Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
    private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern.compile(
            "[$€£₽]\\s?\\d|\\d\\s?(zł|zl|€|₽|PLN|USD|EUR|IDR|Rp)\\b|\\bRp\\s?\\d");

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    /** Seven digits or more, spaces, dots, dashes and brackets between them allowed: "+1 (303) 555-0142"; not a date. */
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

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
        List<Passage> all = policies.stream().flatMap(policy -> passages(policy).stream()).toList();
        // "How long...", "how much...": a passage that answers says how long or how much.
        List<String> details = asked.stream().filter(topic -> topic.startsWith("detail ")).map(topic -> topic.substring(7)).toList();
        List<Passage> candidates = all;
        if (!details.isEmpty()) {
            // The passages saying the most of the details asked (all of them, ideally); every passage when none says any.
            java.util.Map<Passage, Long> said = new java.util.LinkedHashMap<>();
            for (Passage passage : all) {
                said.put(passage, details.stream().filter(detail -> says(passage.heading() + " " + passage.text(), detail))
                        .count());
            }
            long most = said.values().stream().mapToLong(Long::longValue).max().orElse(0);
            if (most > 0) {
                candidates = all.stream().filter(passage -> said.get(passage) == most).toList();
            }
        }
        java.util.Map<String, Integer> rarity = new java.util.HashMap<>();
        for (Passage passage : all) {
            new java.util.HashSet<>(Words.of(passage.text())).forEach(word -> rarity.merge(word, 1, Integer::sum));
        }
        List<Scored> scored = new ArrayList<>();
        {
            for (Passage passage : candidates) {
                Policy policy = passage.policy();
                double score = 0;
                // A table row or a list item means little without its heading: the heading counts as its text.
                List<String> text = Words.of((passage.fragment() ? passage.heading() + " " : "") + passage.text());
                List<String> heading = Words.of(passage.heading() + " " + policy.title());
                List<String> section = Words.of(passage.heading());
                List<String> emphasis = Words.of(passage.emphasis());
                boolean emphasised = false;
                for (String topic : asked) {
                    String kind = topic.startsWith("detail ") ? "detail" : "policy";
                    String concept = topic.startsWith("detail ") ? topic.substring(7) : topic;
                    double weight = kind.equals("policy") ? SPECIFIC.getOrDefault(concept, 1.0) : 0.6;
                    boolean inText = kind.equals("detail") ? says(String.join(" ", text), concept)
                            : lexicon.mentions(text, kind, concept);
                    if (inText) {
                        score += weight;
                    }
                    if (lexicon.mentions(section, kind, concept)) {
                        // The passage under a heading about the topic ("Refunds") answers it more than one that
                        // mentions it in passing; the policy's own title says less.
                        score += inText ? weight / 2 : weight / 4;
                    } else if (lexicon.mentions(heading, kind, concept)) {
                        score += weight / 4;
                    }
                    emphasised |= kind.equals("detail") && says(String.join(" ", emphasis), concept);
                }
                // A rare word of the question found in the passage ("PayPal", "InPost", "Canada") weighs half a topic.
                for (String word : words) {
                    if (word.length() >= 4 && !Words.isNumber(word) && text.contains(word)
                            && rarity.getOrDefault(word, 0) <= 2) {
                        score += 0.5;
                    }
                }
                if (emphasised) {
                    score += 0.5; // the store's own bold holds the figure asked for ("**30 days of delivery**")
                }
                // A passage about one kind of product ("Shoes and boots...") answers a general question less.
                boolean otherKind = lexicon.find(text, "category").stream().anyMatch(found ->
                        lexicon.find(words, "category").stream().noneMatch(asked2 -> asked2.concept().equals(found.concept())));
                if (otherKind) {
                    score -= 0.4;
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
        List<Scored> close = scored.stream().filter(s -> s.score() >= top - 0.25).limit(4).toList();
        Passage best;
        if (close.size() == 1) {
            best = close.get(0).passage();
        } else {
            float[] vector = embeddings.embed(question);
            best = close.stream().max(Comparator.comparingDouble(s -> s.score()
                    + TextEmbeddings.cosine(vector, vectors.get(s.passage().heading() + "\n" + s.passage().text(),
                            embeddings::embed))))
                    .map(Scored::passage).orElseThrow();
        }
        return Optional.of(withLead(best, all));
    }

    /**
     * A passage with the short lines that open its section before it: under "Phone", the number
     * ("+1 (720) 555-0148") and then "Phone support is available...".
     */
    private static Passage withLead(Passage passage, List<Passage> all) {
        StringBuilder lead = new StringBuilder();
        for (Passage other : all) {
            if (other.policy() != passage.policy() || !other.heading().equals(passage.heading())
                    || other.position() >= passage.position() || passage.heading().isEmpty()) {
                continue;
            }
            if (other.opening() && lead.length() < 160) {
                lead.append(other.text()).append('\n');
            } else {
                lead.setLength(0); // only the lines right before it
            }
        }
        return lead.length() == 0 ? passage : new Passage(passage.policy(), passage.heading(),
                lead + passage.text(), passage.position(), passage.fragment(), passage.emphasis(), false);
    }

    /**
     * Whether a text says a detail: its words, or for a cost an amount of money ("$18.00", "12,99 zł"); an email
     * address or a phone number only by giving one.
     */
    private boolean says(String text, String detail) {
        return switch (detail) {
            case "email-address" -> EMAIL.matcher(text).find();
            case "phone-number" -> PHONE.matcher(text).results().map(java.util.regex.MatchResult::group)
                    .anyMatch(number -> number.replaceAll("\\D", "").length() >= 7 && !ISO_DATE.matcher(number).find());
            default -> lexicon.mentions(Words.of(text), "detail", detail)
                    || (detail.equals("cost") && MONEY.matcher(text).find());
        };
    }

    private static String emphasis(String markdown) {
        java.util.regex.Matcher bold = BOLD.matcher(markdown);
        StringBuilder emphasis = new StringBuilder();
        while (bold.find()) {
            emphasis.append(bold.group(1) != null ? bold.group(1) : bold.group(2)).append(' ');
        }
        return emphasis.toString();
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
                // "# Refund policy" is the policy's title, not a section: the passages before a "##" have no heading.
                heading = line.startsWith("##") ? line.replaceAll("^#+\\s*", "") : "";
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
                passages.add(new Passage(policy, heading, OfflineResponder.readable(row.toString()), passages.size(), true,
                        emphasis(row.toString())));
            } else if (line.matches("^([-*]|\\d+\\.)\\s+.*")) {
                flush(passages, policy, heading, paragraph);
                passages.add(new Passage(policy, heading, OfflineResponder.readable(line.replaceFirst("^([-*]|\\d+\\.)\\s+", "")),
                        passages.size(), true, emphasis(line)));
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line);
            }
        }
        flush(passages, policy, heading, paragraph);
        return passages;
    }

    private static void flush(List<Passage> passages, Policy policy, String heading, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            String text = OfflineResponder.readable(paragraph.toString());
            // A short paragraph ("**+1 (720) 555-0148**" under "Phone") is read with its heading, like a list item.
            passages.add(new Passage(policy, heading, text, passages.size(), text.length() < 80,
                    emphasis(paragraph.toString()), text.length() < 80));
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
}
