package dev.baton.agent.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.catalog.Product;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a shopper's product question in any of the six languages against one store's products: which products it
 * names (names are names: "Stormline" in any sentence, typos and missing accents tolerated), which categories,
 * qualities and colours it mentions (through the {@link Lexicon}, and the store's own type and tag words), the
 * budget ("under $100", "до 5000", "di bawah 500 ribu", "od 50 do 80"), a superlative ("the cheapest") and what is
 * asked (price, stock, sizes, a comparison).
 */
@Component
class ProductQuestions {

    /** How many products' readings are kept: reading a description takes longer than the rest of a turn. */
    static final int READINGS_KEPT = 20_000;

    private final Lexicon lexicon;
    private final Cache<String, ShopItem.Reading> readings = Caffeine.newBuilder().maximumSize(READINGS_KEPT).build();

    ProductQuestions(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * What the question asks of the store's products.
     *
     * @param named the products it names, the best match first (two or more when it compares, or when a name is shared)
     * @param compared whether the named products were told apart by different names (a comparison)
     * @param rest the message's words that are not part of a product's name (where sizes and colours are)
     * @param attributes qualities a product must have ("waterproof", "women")
     * @param uses what it is for ("hiking", "winter", "gift"): they rank, a product need not say so
     */
    record Question(List<ShopItem> items, List<ShopItem> named, boolean compared, Set<String> categories,
            Set<String> storeWords, Set<String> attributes, Set<String> uses, Set<String> colours, List<String> words,
            List<String> rest, BigDecimal min, BigDecimal max, String superlative, Set<String> cues) {

        boolean hasBudget() {
            return min != null || max != null;
        }

        /** Whether it is about the store's products at all. */
        boolean aboutProducts() {
            boolean qualities = !attributes.isEmpty() || !uses.isEmpty();
            return !named.isEmpty() || !categories.isEmpty() || !storeWords.isEmpty()
                    || (qualities && (hasBudget() || superlative != null || cues.contains("recommend")));
        }

        boolean asks(String cue) {
            return cues.contains(cue);
        }
    }

    Question read(String message, List<Product> products) {
        List<ShopItem> items = products.stream().map(product -> ShopItem.of(product,
                readings.get(ShopItem.readingKey(product), key -> ShopItem.read(product, lexicon)))).toList();
        return read(message, items, true);
    }

    Question read(String message, List<ShopItem> items, boolean unused) {
        List<String> words = Words.of(message);
        Names names = names(words, items);
        Set<String> categories = new LinkedHashSet<>();
        Set<String> attributes = new LinkedHashSet<>();
        Set<String> uses = new LinkedHashSet<>();
        Set<String> colours = new LinkedHashSet<>();
        Set<String> cues = new LinkedHashSet<>();
        Set<Integer> known = new HashSet<>();
        String superlative = null;
        for (Lexicon.Found found : lexicon.findDeep(words)) {
            for (int i = found.start(); i < found.end(); i++) {
                known.add(i);
            }
            switch (found.kind()) {
                case "category" -> categories.add(found.concept());
                case "attribute" -> attributes.add(found.concept());
                case "use" -> uses.add(found.concept());
                case "colour" -> colours.add(found.concept());
                case "cue" -> cues.add(found.concept());
                case "superlative" -> superlative = superlative == null ? found.concept() : superlative;
                default -> {
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!known.contains(i) && names.rest().contains(words.get(i))) {
                unknown.add(words.get(i));
            }
        }
        // The store's own type and tag words stand in for a kind the lexicon does not know ("bandana", "kijki").
        Set<String> storeWords = categories.isEmpty() ? storeWords(unknown, items) : Set.of();
        List<ShopItem> named = names.named();
        if (!categories.isEmpty()) {
            // "the merino socks", "a hat with sun protection": a name word that is also a quality names only a
            // product of the kind asked ("Merino Trail Tee" and "Sun Shield Tee" are not socks or hats).
            Set<String> kinds = Set.copyOf(categories);
            named = named.stream().filter(item -> !names.weak().contains(item) || inAny(item, kinds)).toList();
        }
        if (categories.size() > 1 && !cues.contains("or")) {
            // "a rain jacket that fits in my backpack" is about the jacket; "a hat or gloves" about both.
            categories = new LinkedHashSet<>(List.of(categories.iterator().next()));
        }
        boolean compared = names.compared() && named.size() > 1;
        List<ShopItem> bySize = inEachCapacity(message, named, categories, items);
        if (!bySize.isEmpty()) {
            named = bySize;
            compared = true;
        }
        Budget budget = budget(words);
        return new Question(items, named, compared, categories, storeWords, attributes,
                uses, colours, words, names.rest(), budget.min(), budget.max(), superlative, cues);
    }

    /**
     * "the 750 ml or the 1 L one?", "botol 750 ml sama yg 1 L": two capacities or more asked of one product line (the
     * named product's, else the kind asked), one product of the line in each; empty when that is not what was asked.
     */
    private static List<ShopItem> inEachCapacity(String message, List<ShopItem> named, Set<String> categories,
            List<ShopItem> items) {
        List<ShopItem.Capacity> capacities = ShopItem.capacities(message);
        if (capacities.size() < 2 || (named.isEmpty() && categories.isEmpty())) {
            return List.of();
        }
        List<ShopItem> line;
        if (!named.isEmpty() && !named.get(0).head().isEmpty()) {
            String head = named.get(0).head();
            line = items.stream().filter(item -> item.head().equals(head)).toList();
        } else if (!named.isEmpty()) {
            Set<String> kinds = named.get(0).kinds();
            line = items.stream().filter(item -> item.kinds().equals(kinds)).toList();
        } else {
            line = items.stream().filter(item -> categories.stream().anyMatch(item.kinds()::contains)).toList();
        }
        List<ShopItem> found = new ArrayList<>();
        for (ShopItem.Capacity capacity : capacities) {
            line.stream().filter(item -> item.capacity() != null && item.capacity().equals(capacity)
                    && !found.contains(item)).findFirst().ifPresent(found::add);
        }
        return found.size() == capacities.size() ? found : List.of();
    }

    private static boolean inAny(ShopItem item, Set<String> categories) {
        return categories.stream().anyMatch(item.categories()::contains);
    }

    // --- Names --------------------------------------------------------------------------------------------------

    /** {@code weak}: products named only by words that are also kinds or qualities ("Alpine", "Merino", "Sun"). */
    private record Names(List<ShopItem> named, boolean compared, List<String> rest, Set<ShopItem> weak) {
    }

    private record Scored(ShopItem item, double score, Set<String> distinctive, Set<Integer> positions, double fit,
            boolean strong) {
    }

    private Names names(List<String> words, List<ShopItem> items) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (ShopItem item : items) {
            new HashSet<>(item.titleWords()).forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
        }
        int total = Math.max(1, items.size());
        Set<String> asked = new HashSet<>();
        Set<Integer> inLexicon = new HashSet<>();
        for (Lexicon.Found found : lexicon.findDeep(words)) {
            if (found.kind().equals("attribute") || found.kind().equals("use")) {
                asked.add(found.concept());
            }
            for (int i = found.start(); i < found.end(); i++) {
                inLexicon.add(i);
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (ShopItem item : items) {
            List<String> title = item.titleWords();
            String head = item.head();
            double score = 0;
            Set<String> distinctive = new HashSet<>();
            Set<Integer> positions = new HashSet<>();
            boolean headNamed = false;
            boolean strong = false;
            for (int j = 0; j < title.size(); j++) {
                String word = title.get(j);
                int at = find(words, title, j);
                if (at < 0) {
                    continue;
                }
                int frequency = documentFrequency.getOrDefault(word, 1);
                score += Math.log((double) total / frequency) + 0.1;
                positions.add(at);
                boolean isHead = word.equals(head);
                if (!Words.isNumber(word) && (word.length() >= 4 || isHead) && frequency <= Math.max(3, total / 12)
                        && (isHead || !lexicon.known(word))) {
                    distinctive.add(word);
                    headNamed |= isHead;
                    strong |= !inLexicon.contains(at);
                }
            }
            // A product is named by its own name (the first word of its title that is not a kind, quality or
            // colour: "Stormline", "Wisła"), by a word of five letters or more no other title has ("Mazury"), or by two of
            // its rarer words; "how long" does not name "Long-Sleeve".
            boolean unique = distinctive.stream().anyMatch(word -> word.length() >= 5 && documentFrequency.get(word) == 1
                    && !lexicon.known(word));
            if (!distinctive.isEmpty() && (headNamed || unique || distinctive.size() >= 2)) {
                double fit = asked.stream().filter(a -> item.qualities().contains(a)).count();
                scored.add(new Scored(item, score, distinctive, positions, fit, strong));
            }
        }
        // A word that is an option of one named product ("13 wide") does not name another ("Wide-Brim Sun Hat").
        List<Scored> dropped = new ArrayList<>();
        for (Scored candidate : scored) {
            boolean onlyOptions = candidate.distinctive().stream().allMatch(word -> scored.stream().anyMatch(other ->
                    other != candidate && !other.distinctive().contains(word) && other.item().product().variants().stream()
                            .anyMatch(v -> v.optionValues().stream().anyMatch(value -> Words.of(value).contains(word)))));
            if (onlyOptions) {
                dropped.add(candidate);
            }
        }
        scored.removeAll(dropped);
        scored.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Double.compare(b.fit(), a.fit()));
        List<Scored> kept = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        boolean compared = false;
        for (Scored candidate : scored) {
            boolean fresh = candidate.distinctive().stream().noneMatch(covered::contains);
            if (kept.isEmpty()) {
                kept.add(candidate);
            } else if (fresh) {
                // Another name, not one the better matches share: the shopper names two products.
                kept.add(candidate);
                compared = true;
            } else if (candidate.score() >= kept.get(0).score() - 1e-9 && candidate.fit() >= kept.get(0).fit()) {
                kept.add(candidate); // a name two products share, nothing tells them apart ("Ridgeline")
            }
            covered.addAll(candidate.distinctive());
        }
        Set<Integer> used = new HashSet<>();
        kept.forEach(k -> used.addAll(k.positions()));
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!used.contains(i)) {
                rest.add(words.get(i));
            }
        }
        Set<ShopItem> weak = new HashSet<>();
        kept.stream().filter(k -> !k.strong()).forEach(k -> weak.add(k.item()));
        return new Names(kept.stream().map(Scored::item).toList(), compared, rest, weak);
    }

    /**
     * Where the title's word {@code j} is in the message, or -1. Names tolerate a typo (one letter in words of five
     * or more, two in words of eight or more) and an ending ("Stormline'a"); a short word or a number ("1", "L",
     * "2.5") counts only next to a neighbour of the title (so "1 L" names the 1 L bottle, but the size L does not).
     */
    private static int find(List<String> words, List<String> title, int j) {
        String word = title.get(j);
        boolean shortWord = word.length() <= 2 || Words.isNumber(word);
        for (int i = 0; i < words.size(); i++) {
            if (!same(words.get(i), word)) {
                continue;
            }
            if (!shortWord) {
                return i;
            }
            boolean before = i > 0 && j > 0 && same(words.get(i - 1), title.get(j - 1));
            boolean after = i + 1 < words.size() && j + 1 < title.size() && same(words.get(i + 1), title.get(j + 1));
            if (before || after) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(String word, String name) {
        if (word.equals(name)) {
            return true;
        }
        if (name.length() < 5 || Words.isNumber(name) || Words.isNumber(word)) {
            return false;
        }
        if (word.startsWith(name) && word.length() - name.length() <= 3) {
            return true;
        }
        return Words.close(word, name, name.length() >= 8 ? 2 : 1);
    }

    // --- The store's own words ----------------------------------------------------------------------------------

    /** Words of the message that are a product type or tag of the store but no lexicon category ("parka", "bandana"). */
    private Set<String> storeWords(List<String> rest, List<ShopItem> items) {
        Set<String> storeWords = new LinkedHashSet<>();
        Set<String> known = new HashSet<>();
        items.forEach(item -> known.addAll(item.storeWords()));
        for (String word : rest) {
            if (word.length() < 3 || Words.isNumber(word) || lexicon.known(word)) {
                continue;
            }
            for (String storeWord : known) {
                if (sameStem(word, storeWord)) {
                    storeWords.add(storeWord);
                }
            }
        }
        return storeWords;
    }

    /** The same word, or its plural ("pad" "pads", "box" "boxes"). */
    static boolean sameStem(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = a.length() < b.length() ? b : a;
        if (!longer.startsWith(shorter)) {
            return false;
        }
        String ending = longer.substring(shorter.length());
        return shorter.length() >= 3 && (ending.equals("s") || ending.equals("es"))
                || shorter.length() >= 4 && ending.length() <= 2;
    }

    // --- Budget -------------------------------------------------------------------------------------------------

    record Budget(BigDecimal min, BigDecimal max) {
    }

    Budget budget(List<String> words) {
        BigDecimal min = null;
        BigDecimal max = null;
        for (int i = 0; i < words.size(); i++) {
            int between = length(words, i, "budget", "between");
            if (between > 0) {
                Amount first = amount(words, i + between);
                if (first != null) {
                    int and = length(words, first.end(), "budget", "and");
                    Amount second = and > 0 ? amount(words, first.end() + and) : null;
                    if (second != null) {
                        min = first.value().min(second.value());
                        max = first.value().max(second.value());
                        i = second.end() - 1;
                        continue;
                    }
                }
            }
            int upper = length(words, i, "budget", "max");
            int lower = length(words, i, "budget", "min");
            if (upper > 0 || lower > 0) {
                // "don't want to spend more than $200", "não quero gastar mais de 100": a most, not a least
                boolean isMax = upper >= lower || negated(words, i);
                Amount amount = amount(words, i + Math.max(upper, lower));
                if (amount != null) {
                    if (isMax) {
                        max = amount.value();
                    } else {
                        min = amount.value();
                    }
                    i = amount.end() - 1;
                    continue;
                }
            }
            Amount bare = amount(words, i);
            if (bare != null) {
                int and = length(words, bare.end(), "budget", "and");
                Amount second = and > 0 ? amount(words, bare.end() + and) : null;
                if (second != null && (bare.marked() || second.marked())) {
                    // "150 sampai 250 dolar", "$50 to $80"
                    min = bare.value().min(second.value());
                    max = bare.value().max(second.value());
                    i = second.end() - 1;
                    continue;
                }
            }
            if (bare != null && bare.marked()) {
                Amount next = amount(words, bare.end());
                if (next != null && bare.end() == next.start()) {
                    min = bare.value().min(next.value());
                    max = bare.value().max(next.value());
                    i = next.end() - 1;
                } else if (max == null) {
                    max = bare.value();
                    i = bare.end() - 1;
                }
            }
        }
        return new Budget(min, max);
    }

    private boolean negated(List<String> words, int at) {
        for (int i = Math.max(0, at - 5); i < at; i++) {
            if (length(words, i, "budget", "not") > 0) {
                return true;
            }
        }
        return false;
    }

    /** An amount at {@code start}: currency words around the number, and "thousand" or "million" after it. */
    private record Amount(BigDecimal value, int start, int end, boolean marked) {
    }

    private Amount amount(List<String> words, int start) {
        int i = start;
        boolean marked = false;
        int currency;
        while (i < words.size() && (currency = length(words, i, "currency", null)) > 0) {
            marked = true;
            i += currency;
        }
        if (i >= words.size() || !Words.isNumber(words.get(i))) {
            return null;
        }
        BigDecimal value = number(words.get(i));
        if (value == null) {
            return null;
        }
        i++;
        if (i < words.size() && length(words, i, "thousand", null) > 0) {
            value = value.multiply(BigDecimal.valueOf(1_000));
            i += length(words, i, "thousand", null);
            marked = true;
        } else if (i < words.size() && length(words, i, "million", null) > 0) {
            value = value.multiply(BigDecimal.valueOf(1_000_000));
            i += length(words, i, "million", null);
            marked = true;
        }
        while (i < words.size() && (currency = length(words, i, "currency", null)) > 0) {
            marked = true;
            i += currency;
        }
        return new Amount(value, start, i, marked);
    }

    /** "1.299,00" 1299, "1,299" 1299, "149,99" 149.99, "500.000" 500000, "2.5" 2.5. */
    static BigDecimal number(String text) {
        String digits = text;
        int dot = digits.lastIndexOf('.');
        int comma = digits.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            boolean commaDecimal = comma > dot;
            digits = commaDecimal ? digits.replace(".", "").replace(',', '.') : digits.replace(",", "");
        } else if (dot >= 0 || comma >= 0) {
            char separator = dot >= 0 ? '.' : ',';
            String[] parts = digits.split(separator == '.' ? "\\." : ",");
            boolean thousands = parts.length > 2 || parts[parts.length - 1].length() == 3;
            digits = thousands ? digits.replace(String.valueOf(separator), "") : digits.replace(separator, '.');
        }
        try {
            return new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How many words a form of the concept (any concept of the kind when null) takes at {@code start}; 0 if none. */
    private int length(List<String> words, int start, String kind, String concept) {
        int best = 0;
        for (Lexicon.Form form : concept == null ? lexicon.formsOfKind(kind) : lexicon.forms(kind, concept)) {
            if (form.words().size() > best && form.matches(words, start)) {
                best = form.words().size();
            }
        }
        return best;
    }
}
