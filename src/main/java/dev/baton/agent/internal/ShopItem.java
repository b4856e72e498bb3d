package dev.baton.agent.internal;

import dev.baton.catalog.Product;
import dev.baton.catalog.Variant;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One product as the product search reads it: its words, what it is and what it is like (lexicon concepts found in its
 * title, type and tags), its lowest price, weight and capacity.
 *
 * @param titleWords the title's {@link Words}
 * @param storeWords the words of its type and tags (the store's own category words)
 * @param categories lexicon categories of its title, type and tags, with the broader ones ("boot", "shoe")
 * @param kinds what it is, with the broader kinds: the categories of its type, else of its title, else of its tags.
 *     "Cushioned Boot Sock" of type "Socks" tagged "boots" is a sock, though its categories include boot
 * @param qualities lexicon attributes and uses of its title, type and tags
 * @param described lexicon attributes of its description only
 * @param head the product's own name in its title ("Stormline"), or "" 
 */
record ShopItem(Product product, List<String> titleWords, Set<String> storeWords, Set<String> categories,
        Set<String> kinds, Set<String> qualities, Set<String> described, BigDecimal lowestPrice, Integer grams, Capacity capacity,
        String head) {

    /** Litres ("28L", "750 ml", "1 l") or places ("2-Person", "3-osobowy", "4 местная"), from the title first. */
    record Capacity(double amount, String unit) {
    }

    private static final Pattern LITRES = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(ml|l|lt|liters?|litres?|litros?|litr[oóy]w?|литр\\w*|л)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PLACES = Pattern.compile("(\\d+)\\s*[- ]?\\s*(person|persons|people|personas?|pessoas?|osob\\w*|местн\\w*|человек\\w*|orang|p)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WEIGHT = Pattern.compile("(?:weight|weighs|peso|pesa|waga|waży|вес|весит|berat)[^\\d]{0,20}(\\d+(?:[.,]\\d+)?)\\s*(kg|g|oz|lbs?|кг|г)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** What the words of a product say, the same until its title, type, tags or description change. */
    record Reading(List<String> titleWords, Set<String> storeWords, Set<String> categories, Set<String> kinds,
            Set<String> qualities, Set<String> described, Integer describedGrams, Capacity capacity, String head) {
    }

    /** The key under which a product's {@link Reading} may be kept: every text it is read from. */
    static String readingKey(Product product) {
        return product.externalId() + "\u0000" + product.title() + "\u0000" + product.productType() + "\u0000"
                + product.tags() + "\u0000" + product.vendor() + "\u0000" + Objects.hashCode(product.descriptionHtml());
    }

    static ShopItem of(Product product, Lexicon lexicon) {
        return of(product, read(product, lexicon));
    }

    /** The product with a reading made before; its prices, stock and weights are the product's own, current ones. */
    static ShopItem of(Product product, Reading reading) {
        BigDecimal lowest = product.variants().stream().map(Variant::price).min(Comparator.naturalOrder()).orElse(null);
        Integer grams = product.variants().stream().map(Variant::weightGrams).filter(w -> w != null && w > 0)
                .min(Comparator.naturalOrder()).orElse(reading.describedGrams());
        return new ShopItem(product, reading.titleWords(), reading.storeWords(), reading.categories(), reading.kinds(),
                reading.qualities(),
                reading.described(), lowest, grams, reading.capacity(), reading.head());
    }

    static Reading read(Product product, Lexicon lexicon) {
        List<String> title = Words.of(product.title());
        List<String> type = Words.of(nullToEmpty(product.productType()));
        List<String> tags = new java.util.ArrayList<>();
        product.tags().forEach(tag -> tags.addAll(Words.of(tag)));
        List<String> store = new java.util.ArrayList<>(type);
        store.addAll(tags);
        List<String> described = Words.of(plain(product.descriptionHtml()));
        Set<String> categories = new java.util.HashSet<>();
        Set<String> kinds = new java.util.HashSet<>();
        Set<String> qualities = new java.util.HashSet<>();
        for (List<String> words : List.of(type, title, tags)) {
            Set<String> found = new java.util.HashSet<>();
            for (Lexicon.Found one : lexicon.findDeep(words)) {
                if (one.kind().equals("category")) {
                    found.addAll(lexicon.withBroader(one.concept()));
                } else if (one.kind().equals("attribute") || one.kind().equals("use")) {
                    qualities.add(one.concept());
                }
            }
            categories.addAll(found);
            if (kinds.isEmpty()) {
                kinds.addAll(found);
            }
        }
        Set<String> fromDescription = new java.util.HashSet<>();
        for (Lexicon.Found found : lexicon.find(described, null)) {
            if (found.kind().equals("attribute") || found.kind().equals("use")) {
                fromDescription.add(found.concept());
            }
        }
        String text = plain(product.descriptionHtml());
        Capacity capacity = capacity(product.title()).or(() -> capacity(text)).orElse(null);
        return new Reading(List.copyOf(title), Set.copyOf(store), Set.copyOf(categories), Set.copyOf(kinds),
                Set.copyOf(qualities),
                Set.copyOf(fromDescription), gramsIn(text).orElse(null), capacity, head(title, product.vendor(), lexicon));
    }

    /**
     * The title's first word that is not a kind, a colour, the vendor's name or a number: the product's own name,
     * usually ("Stormline" of "Stormline 2.5L Rain Jacket", "Wisła" of "Kurtka Wisła", "Logo" of "Northwind Logo Tee").
     */
    private static String head(List<String> title, String vendor, Lexicon lexicon) {
        List<String> vendorWords = vendor == null ? List.of() : Words.of(vendor);
        for (int i = 0; i < title.size(); i++) {
            String word = title.get(i);
            if (Words.isNumber(word) || word.length() < 3 || vendorWords.contains(word)) {
                continue;
            }
            boolean kindOrColour = lexicon.find(title.subList(i, title.size()), null).stream()
                    .anyMatch(found -> found.start() == 0 && (found.kind().equals("category") || found.kind().equals("colour")));
            if (!kindOrColour) {
                return word;
            }
        }
        return "";
    }

    boolean available() {
        return product.variants().stream().anyMatch(Variant::available);
    }

    /** Every capacity the text gives, in order ("the 750 ml or the 1 L?"). */
    static List<Capacity> capacities(String text) {
        List<Capacity> all = new java.util.ArrayList<>();
        Matcher litres = LITRES.matcher(text);
        while (litres.find()) {
            double amount = number(litres.group(1));
            all.add(new Capacity(litres.group(2).equalsIgnoreCase("ml") ? amount / 1000 : amount, "l"));
        }
        Matcher places = PLACES.matcher(text);
        while (places.find()) {
            all.add(new Capacity(number(places.group(1)), "places"));
        }
        return all.stream().distinct().toList();
    }

    static Optional<Capacity> capacity(String text) {
        Matcher litres = LITRES.matcher(text);
        if (litres.find()) {
            double amount = number(litres.group(1));
            return Optional.of(new Capacity(litres.group(2).equalsIgnoreCase("ml") ? amount / 1000 : amount, "l"));
        }
        Matcher places = PLACES.matcher(text);
        if (places.find()) {
            return Optional.of(new Capacity(number(places.group(1)), "places"));
        }
        return Optional.empty();
    }

    static Optional<Integer> gramsIn(String text) {
        Matcher weight = WEIGHT.matcher(text);
        if (!weight.find()) {
            return Optional.empty();
        }
        double amount = number(weight.group(1));
        double grams = switch (weight.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "kg", "кг" -> amount * 1000;
            case "oz" -> amount * 28.349523125;
            case "lb", "lbs" -> amount * 453.59237;
            default -> amount;
        };
        return Optional.of((int) Math.round(grams));
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }

    static String plain(String html) {
        return html == null ? "" : org.jsoup.Jsoup.parse(html).text();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
