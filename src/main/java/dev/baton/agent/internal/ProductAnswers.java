package dev.baton.agent.internal;

import dev.baton.shared.ProductCard;
import dev.baton.catalog.Product;
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
import java.util.stream.Collectors;

/**
 * Writes what the {@link ProductFinder} found as a short reply in the shopper's language: the answer first, at most a
 * line of detail and the product's link, and a {@link ProductCard} per product shown. Every figure comes from the
 * tools' results (prices as the store writes them) or is recorded as derived from them (a weight, a difference).
 */
@Component
class ProductAnswers {

    private final AgentTexts texts;

    ProductAnswers(AgentTexts texts) {
        this.texts = texts;
    }

    /** The reply's text and its cards. */
    record Reply(String text, List<ProductCard> cards) {
    }

    Reply write(ProductFinder.Finding finding, Language language, StoreTools tools) {
        return switch (finding.kind()) {
            case PRODUCT -> product(finding.items(), language, tools);
            case OPTION -> option(finding.items().get(0), finding.option(), language, tools);
            case OPTIONS -> options(finding.items().get(0), language, tools);
            case COMPARE -> compare(finding.items(), language, tools);
            case SUPERLATIVE -> superlative(finding, language, tools);
            case LIST -> list(finding, language, tools);
        };
    }

    private Reply product(List<ShopItem> items, Language language, StoreTools tools) {
        List<String> lines = new ArrayList<>();
        for (ShopItem item : items) {
            lines.add(text(language, "answer_price", Map.of("title", item.product().title(), "price", prices(item, tools)))
                    + " " + stockLine(item.product(), language, tools));
        }
        if (items.size() == 1) {
            link(items.get(0).product(), language).ifPresent(lines::add);
        }
        return new Reply(String.join("\n", lines), cards(items, language, tools));
    }

    private Reply option(ShopItem item, ProductFinder.OptionAsked asked, Language language, StoreTools tools) {
        Product product = item.product();
        String option = String.join(" / ", asked.values());
        List<String> lines = new ArrayList<>();
        Variant shown = null;
        if (asked.matching().isEmpty()) {
            lines.add(text(language, "answer_option_none", Map.of("title", product.title(), "option", option,
                    "options", optionValues(product))));
        } else {
            List<Variant> available = asked.matching().stream().filter(Variant::available).toList();
            if (!available.isEmpty()) {
                shown = available.get(0);
                boolean backorder = available.stream().noneMatch(v -> !v.inventoryTracked() || v.inventoryQuantity() > 0);
                String which = asked.matching().size() == 1 ? option
                        : option + " (" + available.stream().map(v -> rest(v, asked.values())).filter(s -> !s.isEmpty())
                                .collect(Collectors.joining(", ")) + ")";
                lines.add(text(language, backorder ? "answer_option_backorder" : "answer_option_in",
                        Map.of("option", which.replace(" ()", ""))) + " " + tools.price(shown) + ".");
            } else {
                shown = asked.matching().get(0);
                lines.add(text(language, "answer_option_out", Map.of("option", option)) + " " + tools.price(shown) + ".");
                if (!asked.alternatives().isEmpty()) {
                    lines.add(text(language, "answer_option_alternatives", Map.of("options",
                            asked.alternatives().stream().map(Variant::title).collect(Collectors.joining(", ")))));
                }
            }
        }
        link(product, language).ifPresent(lines::add);
        ProductCard card = shown == null ? card(item, language, tools)
                : new ProductCard(product.title(), tools.price(shown), stock(shown, language), shown.available(),
                        shown.title(), safe(product.imageUrl()), safe(product.url()));
        return new Reply(String.join("\n", lines), List.of(card));
    }

    private Reply options(ShopItem item, Language language, StoreTools tools) {
        Product product = item.product();
        List<String> lines = new ArrayList<>();
        lines.add(text(language, "answer_options", Map.of("title", product.title(), "options", optionValues(product))));
        List<String> soldOut = product.variants().stream().filter(v -> !v.available()).map(Variant::title).toList();
        if (!soldOut.isEmpty() && soldOut.size() < product.variants().size()) {
            lines.add(text(language, "answer_options_out", Map.of("options", String.join(", ", soldOut))));
        } else if (!soldOut.isEmpty()) {
            lines.add(text(language, "answer_stock_out"));
        }
        link(product, language).ifPresent(lines::add);
        return new Reply(String.join("\n", lines), cards(List.of(item), language, tools));
    }

    private Reply compare(List<ShopItem> items, Language language, StoreTools tools) {
        List<String> lines = new ArrayList<>();
        boolean weights = items.stream().allMatch(item -> item.grams() != null);
        for (ShopItem item : items) {
            String line = "• " + item.product().title() + ": " + prices(item, tools);
            if (weights) {
                line += ", " + weight(item, tools);
            }
            lines.add(line + ". " + stockLine(item.product(), language, tools));
        }
        if (items.size() == 2) {
            ShopItem a = items.get(0);
            ShopItem b = items.get(1);
            int order = a.lowestPrice().compareTo(b.lowestPrice());
            if (order == 0) {
                lines.add(text(language, "answer_compare_same"));
            } else {
                ShopItem cheaper = order < 0 ? a : b;
                BigDecimal difference = a.lowestPrice().subtract(b.lowestPrice()).abs();
                String amount = tools.price(new Variant("", List.of(), "", difference, null, null, false, null));
                tools.derived("price difference " + amount);
                lines.add(text(language, "answer_compare_cheaper", Map.of("title", cheaper.product().title(),
                        "difference", amount)));
            }
            if (weights && !a.grams().equals(b.grams())) {
                ShopItem lighter = a.grams() < b.grams() ? a : b;
                String difference = grams(Math.abs(a.grams() - b.grams()));
                tools.derived("weight difference " + difference);
                lines.add(text(language, "answer_compare_lighter", Map.of("title", lighter.product().title(),
                        "difference", difference)));
            }
        }
        return new Reply(String.join("\n", lines), cards(items, language, tools));
    }

    private Reply superlative(ProductFinder.Finding finding, Language language, StoreTools tools) {
        ShopItem winner = finding.items().get(0);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", winner.product().title());
        values.put("price", prices(winner, tools));
        if (winner.grams() != null) {
            values.put("weight", weight(winner, tools));
        }
        List<String> lines = new ArrayList<>();
        lines.add(text(language, "answer_superlative_" + finding.superlative(), values) + " "
                + stockLine(winner.product(), language, tools));
        link(winner.product(), language).ifPresent(lines::add);
        return new Reply(String.join("\n", lines), cards(finding.items(), language, tools));
    }

    private Reply list(ProductFinder.Finding finding, Language language, StoreTools tools) {
        if (finding.items().isEmpty()) {
            return new Reply(text(language, "answer_list_empty"), List.of());
        }
        List<String> lines = new ArrayList<>();
        lines.add(text(language, finding.met() ? "answer_list" : "answer_list_none"));
        for (ShopItem item : finding.items()) {
            lines.add("• " + item.product().title() + ": " + prices(item, tools) + " (" + stockWord(item.product(), language) + ")");
        }
        if (finding.items().size() == 1) {
            link(finding.items().get(0).product(), language).ifPresent(lines::add);
        }
        return new Reply(String.join("\n", lines), cards(finding.items(), language, tools));
    }

    /**
     * Cards for a chat model's reply: the products the tools returned that the reply names, at most
     * {@link ProductFinder#SHOWN}.
     */
    List<ProductCard> cardsNamedIn(String reply, Language language, StoreTools tools, Lexicon lexicon) {
        String folded = Words.fold(reply);
        return tools.seenProducts().stream().filter(product -> folded.contains(Words.fold(product.title())))
                .limit(ProductFinder.SHOWN).map(product -> card(ShopItem.of(product, lexicon), language, tools)).toList();
    }

    // --- Pieces -----------------------------------------------------------------------------------------------------

    /** "$149.00", or each option's price when they differ ("$149.00 (Regular), $164.00 (Long)"), or a range. */
    private static String prices(ShopItem item, StoreTools tools) {
        List<Variant> variants = item.product().variants();
        if (variants.isEmpty()) {
            return "";
        }
        Map<BigDecimal, Variant> byPrice = new LinkedHashMap<>();
        variants.stream().sorted(Comparator.comparing(Variant::price)).forEach(v -> byPrice.putIfAbsent(v.price(), v));
        if (byPrice.size() == 1) {
            return tools.price(variants.get(0));
        }
        boolean labelled = byPrice.size() <= 3 && byPrice.keySet().stream().allMatch(price ->
                variants.stream().filter(v -> v.price().compareTo(price) == 0).count() == 1);
        if (labelled) {
            return byPrice.values().stream().map(v -> tools.price(v) + " (" + v.title() + ")")
                    .collect(Collectors.joining(", "));
        }
        List<Variant> sorted = new ArrayList<>(byPrice.values());
        return tools.price(sorted.get(0)) + " – " + tools.price(sorted.get(sorted.size() - 1));
    }

    /** "In stock.", "3 of 10 options in stock.", "Sold out at the moment." */
    private String stockLine(Product product, Language language, StoreTools tools) {
        long available = product.variants().stream().filter(Variant::available).count();
        if (available == 0) {
            return text(language, "answer_stock_out");
        }
        boolean backorder = product.variants().stream().filter(Variant::available)
                .noneMatch(v -> !v.inventoryTracked() || v.inventoryQuantity() > 0);
        if (backorder) {
            return text(language, "answer_stock_backorder");
        }
        if (available == product.variants().size()) {
            return text(language, "answer_stock_in");
        }
        tools.derived(product.title() + ": " + available + " of " + product.variants().size() + " options in stock");
        return text(language, "answer_stock_some", Map.of("available", String.valueOf(available),
                "total", String.valueOf(product.variants().size())));
    }

    private String stockWord(Product product, Language language) {
        return product.variants().stream().anyMatch(Variant::available) ? text(language, "stock_available")
                : text(language, "stock_out");
    }

    private String stock(Variant variant, Language language) {
        if (!variant.inventoryTracked()) {
            return text(language, "stock_available");
        }
        if (variant.inventoryQuantity() > 0) {
            return text(language, "stock_count", Map.of("count", String.valueOf(variant.inventoryQuantity())));
        }
        return text(language, variant.continueSellingWhenOutOfStock() ? "stock_backorder" : "stock_out");
    }

    /** "Size: XS, S, M; Color: Black, Spruce". */
    private static String optionValues(Product product) {
        List<String> parts = new ArrayList<>();
        int dimensions = product.variants().stream().mapToInt(v -> v.optionValues().size()).max().orElse(0);
        for (int d = 0; d < dimensions; d++) {
            Set<String> values = new LinkedHashSet<>();
            for (Variant variant : product.variants()) {
                if (variant.optionValues().size() > d) {
                    values.add(variant.optionValues().get(d));
                }
            }
            String name = d < product.optionNames().size() ? product.optionNames().get(d) + ": " : "";
            parts.add(name + String.join(", ", values));
        }
        return parts.isEmpty() ? product.variants().stream().map(Variant::title).collect(Collectors.joining(", "))
                : String.join("; ", parts);
    }

    /** A variant's other option values than those asked ("Black" of "L / Black" when "L" was asked). */
    private static String rest(Variant variant, List<String> asked) {
        return variant.optionValues().stream().filter(value -> !asked.contains(value)).collect(Collectors.joining(" / "));
    }

    /** "305 g", "1.45 kg", recorded as derived from the catalog. */
    private static String weight(ShopItem item, StoreTools tools) {
        String text = grams(item.grams());
        tools.derived(item.product().title() + " weighs " + text);
        return text;
    }

    /** "380 g", "1.1 kg". */
    private static String grams(int grams) {
        return grams >= 1000 ? BigDecimal.valueOf(grams).movePointLeft(3).stripTrailingZeros().toPlainString() + " kg"
                : grams + " g";
    }

    private java.util.Optional<String> link(Product product, Language language) {
        String url = safe(product.url());
        return url == null ? java.util.Optional.empty()
                : java.util.Optional.of(text(language, "product_link", Map.of("url", url)));
    }

    private List<ProductCard> cards(List<ShopItem> items, Language language, StoreTools tools) {
        return items.stream().map(item -> card(item, language, tools)).toList();
    }

    private ProductCard card(ShopItem item, Language language, StoreTools tools) {
        Product product = item.product();
        boolean available = item.available();
        String stock = product.variants().size() == 1 ? stock(product.variants().get(0), language)
                : available ? text(language, "stock_available") : text(language, "stock_out");
        return new ProductCard(product.title(), prices(item, tools), stock, available, null, safe(product.imageUrl()),
                safe(product.url()));
    }

    /** Only web addresses are shown or linked: no {@code javascript:} or {@code data:} from a store's data. */
    static String safe(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !trimmed.matches(".*[\\s\"'<>].*")
                ? trimmed : null;
    }

    private String text(Language language, String key) {
        return texts.get(language, key);
    }

    private String text(Language language, String key, Map<String, String> values) {
        return texts.get(language, key, values);
    }
}
