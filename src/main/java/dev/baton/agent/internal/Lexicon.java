package dev.baton.agent.internal;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the agent knows in its six languages, from every {@code knowledge/agent/lexicon/*.txt}: product
 * categories (products-*.txt), qualities (attributes.txt), colours (colours.txt), what a question asks
 * (questions.txt), budgets (budget.txt) and policy topics (policies.txt). Add a file or a line to teach it more.
 * Each line is {@code kind concept: form, form...}; a form is one or more words, the last may end in {@code *} (any
 * ending: "куртк*" is куртка, куртку, куртки). {@link #find} finds them in a message's {@link Words}, longest first.
 */
@Component
class Lexicon {

    static final String FILES = "classpath*:knowledge/agent/lexicon/*.txt";

    /** One form of a concept: its words, and whether the last is a stem. */
    record Form(String kind, String concept, List<String> words, boolean stem) {

        /** Whether the form starts at {@code words[start]}. */
        boolean matches(List<String> text, int start) {
            if (start + words.size() > text.size()) {
                return false;
            }
            for (int i = 0; i < words.size(); i++) {
                String word = text.get(start + i);
                String form = words.get(i);
                boolean last = i == words.size() - 1;
                if (!(last && stem ? word.startsWith(form) : word.equals(form))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A form found in a message: its concept and where it is (word positions, end exclusive). */
    record Found(String kind, String concept, int start, int end) {
    }

    private final Map<String, List<Form>> byFirstWord = new HashMap<>();
    /** One-word stems ("куртк*") by their first three letters: a word is compared with the few that can start it. */
    private final Map<String, List<Form>> stems = new HashMap<>();
    private final Map<String, List<Form>> byConcept = new HashMap<>();
    private final Map<String, List<Form>> byKind = new HashMap<>();
    private final Map<String, List<String>> broader = new HashMap<>();

    Lexicon() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(FILES);
            if (files.length == 0) {
                throw new IllegalStateException("The agent's lexicon (knowledge/agent/lexicon/*.txt) is missing");
            }
            for (Resource file : files) {
                load(file.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the agent's lexicon", e);
        }
    }

    private void load(String content) {
        for (String line : content.split("\n")) {
            String trimmed = line.strip();
            int colon = trimmed.indexOf(':');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || colon < 0) {
                continue;
            }
            String[] head = trimmed.substring(0, colon).strip().split("\\s+");
            String kind = head[0];
            String concept = head.length > 1 ? head[1] : head[0];
            if (kind.equals("broader")) {
                for (String parent : trimmed.substring(colon + 1).split(",")) {
                    if (!parent.isBlank()) {
                        broader.computeIfAbsent(concept, key -> new ArrayList<>()).add(parent.strip());
                    }
                }
                continue;
            }
            for (String raw : trimmed.substring(colon + 1).split(",")) {
                String form = raw.strip();
                if (form.isEmpty()) {
                    continue;
                }
                boolean stem = form.endsWith("*");
                List<String> words = symbolWords(stem ? form.substring(0, form.length() - 1) : form);
                if (words.isEmpty()) {
                    continue;
                }
                Form parsed = new Form(kind, concept, words, stem);
                byConcept.computeIfAbsent(kind + " " + concept, key -> new ArrayList<>()).add(parsed);
                byKind.computeIfAbsent(kind, key -> new ArrayList<>()).add(parsed);
                if (stem && words.size() == 1) {
                    stems.computeIfAbsent(prefix(words.get(0)), key -> new ArrayList<>()).add(parsed);
                } else {
                    byFirstWord.computeIfAbsent(words.get(0), key -> new ArrayList<>()).add(parsed);
                }
            }
        }
    }

    private static String prefix(String word) {
        return word.length() <= 3 ? word : word.substring(0, 3);
    }

    /** The stems a word may start with: those filed under its first three letters, and any shorter stem. */
    private List<Form> stemsFor(String word) {
        List<Form> filed = stems.getOrDefault(prefix(word), List.of());
        if (word.length() <= 3) {
            return filed;
        }
        List<Form> shorter = new ArrayList<>(filed);
        for (int length = 1; length < 3; length++) {
            shorter.addAll(stems.getOrDefault(word.substring(0, length), List.of()));
        }
        return shorter;
    }

    /** A form's words; a form that is only a symbol ("$", "€") is that symbol. */
    private static List<String> symbolWords(String form) {
        List<String> words = Words.of(form);
        return words.isEmpty() && !form.isBlank() ? List.of(Words.fold(form.strip())) : words;
    }

    /**
     * Every form in the words, the longest where they overlap; one kind only when {@code kind} is given. Where forms
     * of several concepts are equally long ("rain jacket": a jacket, and waterproof), each is found.
     */
    List<Found> find(List<String> words, String kind) {
        List<Found> found = new ArrayList<>();
        int coveredUntil = 0;
        for (int i = 0; i < words.size(); i++) {
            int longest = 0;
            List<Form> best = new ArrayList<>();
            for (Form form : byFirstWord.getOrDefault(words.get(i), List.of())) {
                if ((kind == null || form.kind().equals(kind)) && form.matches(words, i)) {
                    if (form.words().size() > longest) {
                        longest = form.words().size();
                        best.clear();
                    }
                    if (form.words().size() == longest) {
                        best.add(form);
                    }
                }
            }
            if (best.isEmpty()) {
                for (Form form : stemsFor(words.get(i))) {
                    if ((kind == null || form.kind().equals(kind)) && form.matches(words, i)
                            && best.stream().noneMatch(b -> b.kind().equals(form.kind()))) {
                        best.add(form);
                        longest = 1;
                    }
                }
            }
            if (longest == 0 || i + longest <= coveredUntil) {
                continue; // inside a longer form found before ("rain" of "rain jacket")
            }
            // Forms may overlap ("algo para" and "para la cabeza"), but one inside another is not found again.
            coveredUntil = i + longest;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Form form : best) {
                if (seen.add(form.kind() + " " + form.concept())) {
                    found.add(new Found(form.kind(), form.concept(), i, i + longest));
                }
            }
        }
        return found;
    }

    /** The forms of one concept ("category jacket"). */
    List<Form> forms(String kind, String concept) {
        return byConcept.getOrDefault(kind + " " + concept, List.of());
    }

    /**
     * {@link #find} with the qualities and colours inside a category's longer form too: "непромокаемая куртка" is a rain jacket,
     * and waterproof.
     */
    List<Found> findDeep(List<String> words) {
        List<Found> found = new ArrayList<>(find(words, null));
        for (Found outer : List.copyOf(found)) {
            if (outer.end() - outer.start() < 2 || !outer.kind().equals("category")) {
                continue;
            }
            for (int j = outer.start(); j < outer.end(); j++) {
                for (Found inner : find(words.subList(j, j + 1), null)) {
                    boolean quality = inner.kind().equals("attribute") || inner.kind().equals("use")
                            || inner.kind().equals("colour");
                    if (quality && found.stream().noneMatch(f -> f.kind().equals(inner.kind()) && f.concept().equals(inner.concept()))) {
                        found.add(new Found(inner.kind(), inner.concept(), j, j + 1));
                    }
                }
            }
        }
        return found;
    }

    /** A category with every broader one it belongs to ("hiking-boot": boot, shoe), itself first. */
    java.util.Set<String> withBroader(String category) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> next = new java.util.ArrayDeque<>(List.of(category));
        while (!next.isEmpty()) {
            String concept = next.poll();
            if (all.add(concept)) {
                next.addAll(broader.getOrDefault(concept, List.of()));
            }
        }
        return all;
    }

    /** The concepts directly narrower than this one (the shades of a colour, the kinds of a category). */
    List<String> narrower(String concept) {
        return broader.entrySet().stream().filter(entry -> entry.getValue().contains(concept)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** The categories directly broader than this one. */
    List<String> parents(String category) {
        return broader.getOrDefault(category, List.of());
    }

    private final Map<String, Boolean> known = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the word alone is a form of some concept ("jacket", "merino", "black"); remembered per word. */
    boolean known(String word) {
        if (known.size() > 100_000) {
            known.clear();
        }
        return known.computeIfAbsent(word, w -> !find(List.of(w), null).isEmpty());
    }

    /** Every form of one kind ("currency"). */
    List<Form> formsOfKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Whether the words contain a form of the concept anywhere. */
    boolean mentions(List<String> words, String kind, String concept) {
        for (Form form : forms(kind, concept)) {
            for (int i = 0; i < words.size(); i++) {
                if (form.matches(words, i)) {
                    return true;
                }
            }
        }
        return false;
    }
}
