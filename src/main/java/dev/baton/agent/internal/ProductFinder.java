package dev.baton.agent.internal;

import dev.baton.catalog.Variant;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Answers a {@link ProductQuestions.Question} from the store's products: the named product's price or one option's
 * stock, a comparison, the winner of a superlative, or the products that meet every constraint (category, qualities,
 * budget), at most three, available ones first; when none meets them all, the closest, and says so.
 */
@Component
class ProductFinder {

    /** How many products a list shows unless the shopper asks for all. */
    static final int SHOWN = 3;

    private static final Pattern LETTER_SIZE = Pattern.compile("(x{0,3}s|m|x{0,3}l|[2-5]xl)");

    private final Lexicon lexicon;

    ProductFinder(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    enum Kind {
        /** One product (or a few sharing a name): price and stock. */
        PRODUCT,
        /** One option of a named product ("L in Black"). */
        OPTION,
        /** The sizes and colours of a named product. */
        OPTIONS,
        /** Two or more named products side by side. */
        COMPARE,
        /** The one product that is cheapest, lightest, largest... */
        SUPERLATIVE,
        /** Products meeting the shopper's constraints. */
        LIST
    }

    /**
     * @param items what to show, in order
     * @param met whether they meet every constraint (false: the closest offers)
     * @param option the asked option, for {@link Kind#OPTION}
     */
    record Finding(Kind kind, List<ShopItem> items, boolean met, OptionAsked option, String superlative) {
    }

    /**
     * The option values asked of a product, as the store writes them, per option; the variants having them all
     * ({@code matching}, empty when no variant has that combination) and, when those are not available, available
     * variants sharing one of the values.
     */
    record OptionAsked(List<String> values, List<Variant> matching, List<Variant> alternatives, String unknownSize) {
    }

    Finding find(ProductQuestions.Question question) {
        if (question.named().size() >= 2 && question.compared()) {
            return new Finding(Kind.COMPARE, question.named().subList(0, Math.min(SHOWN, question.named().size())),
                    true, null, question.superlative());
        }
        if (question.named().isEmpty()) {
            Finding constrained = constrained(question);
            if (constrained.met() && constrained.items().size() == 1 && constrained.kind() == Kind.LIST) {
                // "the 1 litre bottle in black": the constraints leave one product, asked about as if named.
                ShopItem only = constrained.items().get(0);
                OptionAsked option = option(question, only);
                if (option != null && option.unknownSize() == null) {
                    return new Finding(Kind.OPTION, List.of(only), !option.matching().isEmpty(), option, null);
                }
                // "which sizes...?", but not "a jacket between 300 and 400 zł, what options do I have?"
                boolean choices = question.asks("options") && !question.hasBudget();
                if (question.asks("sizes") || question.asks("colours") || choices) {
                    return new Finding(Kind.OPTIONS, List.of(only), true, null, null);
                }
            }
            return constrained;
        }
        {
            ShopItem item = question.named().get(0);
            OptionAsked option = option(question, item);
            if (option != null) {
                return new Finding(Kind.OPTION, List.of(item), !option.matching().isEmpty(), option, null);
            }
            if (question.asks("sizes") || question.asks("colours") || question.asks("options")) {
                return new Finding(Kind.OPTIONS, List.of(item), true, null, null);
            }
            return new Finding(Kind.PRODUCT, question.named().subList(0, Math.min(SHOWN, question.named().size())),
                    true, null, null);
        }
    }

    // --- Options ------------------------------------------------------------------------------------------------

    OptionAsked option(ProductQuestions.Question question, ShopItem item) {
        List<Variant> variants = item.product().variants();
        if (variants.size() <= 1) {
            return null;
        }
        int dimensions = variants.stream().mapToInt(v -> v.optionValues().size()).max().orElse(0);
        List<Set<String>> asked = askedOrShades(question, variants, dimensions);
        List<String> values = new ArrayList<>();
        asked.forEach(values::addAll);
        String unknownSize = null;
        if (values.isEmpty()) {
            // A size the product does not come in ("XXL") is still an option question.
            unknownSize = question.rest().stream().filter(word -> LETTER_SIZE.matcher(word).matches()).findFirst()
                    .filter(size -> variants.stream().flatMap(v -> v.optionValues().stream())
                            .anyMatch(value -> LETTER_SIZE.matcher(Words.fold(value)).matches()))
                    .orElse(null);
            if (unknownSize == null) {
                return null;
            }
            return new OptionAsked(List.of(unknownSize.toUpperCase(java.util.Locale.ROOT)), List.of(), List.of(), unknownSize);
        }
        List<Variant> matching = variants.stream().filter(variant -> {
            for (int d = 0; d < asked.size(); d++) {
                if (!asked.get(d).isEmpty() && (variant.optionValues().size() <= d
                        || !asked.get(d).contains(variant.optionValues().get(d)))) {
                    return false;
                }
            }
            return true;
        }).toList();
        List<Variant> alternatives = List.of();
        if (matching.stream().noneMatch(Variant::available)) {
            alternatives = variants.stream().filter(Variant::available)
                    .filter(variant -> variant.optionValues().stream().anyMatch(values::contains))
                    .sorted(Comparator.comparingInt(variant -> -sharedFirst(variant, asked)))
                    .limit(3).toList();
        }
        return new OptionAsked(values, matching, alternatives, null);
    }

    /**
     * Per option, the values the question names; when it names none, with a colour asked, those in a shade of it
     * ("yellow": Ochre) or in the colour it is a shade of.
     */
    private List<Set<String>> askedOrShades(ProductQuestions.Question question, List<Variant> variants, int dimensions) {
        List<Set<String>> asked = asked(question, variants, dimensions, question.colours());
        if (!asked.stream().allMatch(Set::isEmpty) || question.colours().isEmpty()) {
            return asked;
        }
        Set<String> related = new LinkedHashSet<>();
        for (String colour : question.colours()) {
            related.addAll(lexicon.parents(colour));
            related.addAll(lexicon.narrower(colour));
        }
        return asked(question, variants, dimensions, related);
    }

    /** Per option (size, colour...), the values of it the question names, with these colours. */
    private List<Set<String>> asked(ProductQuestions.Question question, List<Variant> variants, int dimensions,
            Set<String> colours) {
        List<Set<String>> asked = new ArrayList<>();
        for (int d = 0; d < dimensions; d++) {
            Set<String> found = new LinkedHashSet<>();
            int dimension = d;
            boolean numeric = variants.stream().allMatch(v -> v.optionValues().size() <= dimension
                    || v.optionValues().get(dimension).matches("\\d+([.,]\\d+)?"));
            for (Variant variant : variants) {
                if (variant.optionValues().size() > d && mentioned(question, variant.optionValues().get(d), numeric, colours)) {
                    found.add(variant.optionValues().get(d));
                }
            }
            asked.add(found);
        }
        return asked;
    }

    /** Alternatives keeping the first asked option (the same size in another colour) come first. */
    private static int sharedFirst(Variant variant, List<Set<String>> asked) {
        for (int d = 0; d < asked.size(); d++) {
            if (!asked.get(d).isEmpty()) {
                return variant.optionValues().size() > d && asked.get(d).contains(variant.optionValues().get(d)) ? 1 : 0;
            }
        }
        return 0;
    }

    /**
     * Whether the question names the option value: its words, one of the colours in the shopper's language, or a
     * quality the value is a word for ("широкой" and the width "Wide").
     */
    private boolean mentioned(ProductQuestions.Question question, String value, boolean numericSizes, Set<String> colours) {
        if (value.equalsIgnoreCase("Default Title")) {
            return false;
        }
        List<String> words = Words.of(value);
        if (words.isEmpty()) {
            return false;
        }
        List<String> rest = question.rest();
        boolean all = true;
        for (String word : words) {
            boolean present = rest.contains(word) || (word.length() >= 5 && rest.stream().anyMatch(r -> r.startsWith(word)));
            all &= present;
        }
        // A lone digit is a size only where the sizes are numbers ("size 7"), not where it may be "1 L" or "2 pairs".
        if (all && (numericSizes || !(words.size() == 1 && words.get(0).length() == 1 && Words.isNumber(words.get(0))))) {
            return true;
        }
        for (String colour : colours) {
            if (lexicon.mentions(words, "colour", colour)) {
                return true;
            }
        }
        for (String attribute : question.attributes()) {
            if (lexicon.mentions(words, "attribute", attribute)) {
                return true;
            }
        }
        return false;
    }

    // --- Constraints ----------------------------------------------------------------------------------------------

    private Finding constrained(ProductQuestions.Question question) {
        boolean giftCards = question.categories().contains("gift-card");
        List<ShopItem> eligible = question.items().stream()
                .filter(item -> giftCards || !item.categories().contains("gift-card")).toList();
        List<ShopItem> pool = ofKind(question.categories(), question, eligible);
        if (pool.isEmpty() && !question.categories().isEmpty()) {
            // A kind the store does not type that way: its broader kind ("a beanie" where the store says "hats").
            Set<String> broader = new LinkedHashSet<>();
            question.categories().forEach(category -> broader.addAll(lexicon.parents(category)));
            pool = ofKind(broader, question, eligible);
        }
        if (pool.isEmpty()) {
            return new Finding(Kind.LIST, List.of(), false, null, question.superlative());
        }
        String superlative = question.superlative();
        boolean single = superlative != null && !superlative.equals("cheap") && measurable(pool, superlative);
        // Qualities a product must have, where some product of the kind has them (in its title, type or tags, else in
        // its description); uses ("for hiking") too in a list, but not for "the cheapest": they only rank it.
        // Uses filter only when no asked quality tells the products apart: "a warm jacket for winter" is a warm
        // jacket; "a jacket to go running in" is one for running; "something warm for the head in winter", where no
        // hat says warm, is a winter hat. For "the cheapest" they only rank.
        Set<String> required = new LinkedHashSet<>();
        Set<String> describedOnly = new LinkedHashSet<>();
        requirements(question.attributes(), pool, required, describedOnly);
        if (!single && required.isEmpty() && describedOnly.isEmpty()) {
            requirements(question.uses(), pool, required, describedOnly);
        }
        Predicate<ShopItem> qualities = item -> required.stream().allMatch(item.qualities()::contains)
                && describedOnly.stream().allMatch(attribute -> has(item, attribute));
        Predicate<ShopItem> budget = item -> withinBudget(question, item);
        ShopItem.Capacity capacity = ShopItem.capacity(String.join(" ", question.words())).orElse(null);
        if (capacity != null && pool.stream().anyMatch(item -> sameCapacity(item, capacity))) {
            pool = pool.stream().filter(item -> sameCapacity(item, capacity)).toList();
        }
        List<ShopItem> meeting = pool.stream().filter(qualities.and(budget))
                .filter(item -> !single || measure(item, superlative) != null).toList();
        if (!meeting.isEmpty()) {
            List<ShopItem> ranked = rank(question, meeting, required);
            int shown = single ? 1 : question.asks("all") ? ranked.size() : SHOWN;
            return new Finding(single ? Kind.SUPERLATIVE : Kind.LIST, ranked.subList(0, Math.min(shown, ranked.size())),
                    true, null, superlative);
        }
        // Nothing meets it all: the closest, by the qualities asked first, then the budget.
        List<ShopItem> closest = pool.stream().filter(qualities).toList();
        if (closest.isEmpty()) {
            closest = pool.stream().filter(budget).toList();
        }
        if (closest.isEmpty()) {
            closest = pool;
        }
        List<ShopItem> ranked = new ArrayList<>(closest);
        ranked.sort(Comparator.comparingDouble((ShopItem item) -> budgetDistance(question, item))
                .thenComparing(item -> -attributeScore(item, required) - attributeScore(item, question.uses())));
        if (question.hasBudget() && !ranked.isEmpty()) {
            // Over the budget, the closest only (and what costs about as much): a $329 tent is no answer to "under $100".
            double nearest = budgetDistance(question, ranked.get(0));
            ranked.removeIf(item -> budgetDistance(question, item) > nearest + Math.max(1, 0.1 * nearest));
        }
        return new Finding(Kind.LIST, ranked.subList(0, Math.min(SHOWN, ranked.size())), false, null, superlative);
    }

    /**
     * The asked qualities some product of the kind has in its title, type or tags (then every product shown must),
     * else in its description.
     */
    private static void requirements(Set<String> asked, List<ShopItem> pool, Set<String> required, Set<String> describedOnly) {
        for (String attribute : asked) {
            if (pool.stream().anyMatch(item -> item.qualities().contains(attribute))) {
                required.add(attribute);
            } else if (pool.stream().anyMatch(item -> item.described().contains(attribute))) {
                describedOnly.add(attribute);
            }
        }
    }

    /** "1 litro", "28L", "2-person": the product holds as much. */
    private static boolean sameCapacity(ShopItem item, ShopItem.Capacity capacity) {
        return item.capacity() != null && item.capacity().unit().equals(capacity.unit())
                && Math.abs(item.capacity().amount() - capacity.amount()) < 0.001 * Math.max(1, capacity.amount());
    }

    /**
     * The products of the asked kinds: those that are one (by their type, else their title), else those that merely
     * mention one (a "Boot Sock" is not a boot while the store has boots, but is the store's only "boot" otherwise).
     */
    private static List<ShopItem> ofKind(Set<String> categories, ProductQuestions.Question question, List<ShopItem> items) {
        if (!categories.isEmpty()) {
            List<ShopItem> are = items.stream().filter(item -> categories.stream().anyMatch(item.kinds()::contains)).toList();
            if (!are.isEmpty()) {
                return are;
            }
        }
        return items.stream().filter(item -> inCategory(categories, question, item)).toList();
    }

    private static boolean inCategory(Set<String> categories, ProductQuestions.Question question, ShopItem item) {
        if (categories.isEmpty() && question.storeWords().isEmpty()) {
            return true;
        }
        for (String category : categories) {
            if (item.categories().contains(category)) {
                return true;
            }
        }
        for (String word : question.storeWords()) {
            if (item.storeWords().contains(word) || item.titleWords().stream().anyMatch(t -> ProductQuestions.sameStem(t, word))) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(ShopItem item, String attribute) {
        return item.qualities().contains(attribute) || item.described().contains(attribute);
    }

    private static double attributeScore(ShopItem item, Set<String> attributes) {
        double score = 0;
        for (String attribute : attributes) {
            score += item.qualities().contains(attribute) ? 1 : item.described().contains(attribute) ? 0.5 : 0;
        }
        return score;
    }

    /** Some option's price is within the budget. */
    private static boolean withinBudget(ProductQuestions.Question question, ShopItem item) {
        return item.product().variants().stream().map(Variant::price).anyMatch(price ->
                (question.min() == null || price.compareTo(question.min()) >= 0)
                        && (question.max() == null || price.compareTo(question.max()) <= 0));
    }

    private static double budgetDistance(ProductQuestions.Question question, ShopItem item) {
        double best = Double.MAX_VALUE;
        for (Variant variant : item.product().variants()) {
            double price = variant.price().doubleValue();
            double distance = 0;
            if (question.max() != null && price > question.max().doubleValue()) {
                distance = price - question.max().doubleValue();
            }
            if (question.min() != null && price < question.min().doubleValue()) {
                distance = question.min().doubleValue() - price;
            }
            best = Math.min(best, distance);
        }
        return best;
    }

    private static boolean measurable(List<ShopItem> pool, String superlative) {
        return pool.stream().anyMatch(item -> measure(item, superlative) != null);
    }

    /** What a superlative ranks by, smaller first; null when the product does not say. */
    static Double measure(ShopItem item, String superlative) {
        BigDecimal highest = item.product().variants().stream().map(Variant::price).max(Comparator.naturalOrder())
                .orElse(null);
        return switch (superlative) {
            case "cheapest", "cheap" -> item.lowestPrice() == null ? null : item.lowestPrice().doubleValue();
            case "priciest" -> highest == null ? null : -highest.doubleValue();
            case "lightest" -> item.grams() == null ? null : item.grams().doubleValue();
            case "heaviest" -> item.grams() == null ? null : -item.grams().doubleValue();
            case "largest" -> item.capacity() == null ? null : -item.capacity().amount();
            case "smallest" -> item.capacity() == null ? null : item.capacity().amount();
            default -> null;
        };
    }

    private static List<ShopItem> rank(ProductQuestions.Question question, List<ShopItem> items, Set<String> attributes) {
        Map<ShopItem, Double> relevance = new LinkedHashMap<>();
        for (ShopItem item : items) {
            long shared = item.titleWords().stream().filter(question.words()::contains).count();
            relevance.put(item, attributeScore(item, attributes) + attributeScore(item, question.uses()) + 0.1 * shared);
        }
        Comparator<ShopItem> order;
        if (question.superlative() != null && measurable(items, question.superlative())) {
            order = Comparator.comparing((ShopItem item) -> measure(item, question.superlative()),
                    Comparator.nullsLast(Comparator.naturalOrder()));
        } else {
            List<String> categories = List.copyOf(question.categories());
            // The kind named first comes first ("a down sleeping bag for trips with a backpack").
            order = Comparator.comparingInt((ShopItem item) -> categories.isEmpty() ? 0 : categories.stream()
                            .filter(item.categories()::contains).mapToInt(categories::indexOf).min().orElse(categories.size()))
                    .thenComparing((ShopItem item) -> !item.available())
                    .thenComparing(item -> -relevance.get(item))
                    .thenComparing(ShopItem::lowestPrice, Comparator.nullsLast(Comparator.naturalOrder()));
        }
        List<ShopItem> ranked = new ArrayList<>(items);
        ranked.sort(order);
        return ranked;
    }
}
