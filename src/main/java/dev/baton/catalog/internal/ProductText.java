package dev.baton.catalog.internal;

import dev.baton.catalog.Product;
import dev.baton.catalog.Variant;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a product the way a shop assistant would read it out: what it is, each variant with its price in the
 * shop's currency and whether it is in stock, and where to buy it.
 */
final class ProductText {

    private ProductText() {
    }

    static String describe(Product product, String currency) {
        StringBuilder text = new StringBuilder();
        text.append(product.title()).append('\n');
        String facts = List.of(label("Type", product.productType()), label("Brand", product.vendor()),
                        label("Tags", String.join(", ", product.tags())))
                .stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(". "));
        if (!facts.isEmpty()) {
            text.append(facts).append(".\n");
        }
        String description = HtmlText.toText(product.descriptionHtml());
        if (!description.isEmpty()) {
            text.append('\n').append(description).append('\n');
        }
        text.append('\n').append(variants(product, currency));
        if (product.url() != null && !product.url().isBlank()) {
            text.append("\nProduct page: ").append(product.url()).append('\n');
        }
        return text.toString().strip();
    }

    private static String variants(Product product, String currency) {
        List<Variant> variants = product.variants();
        if (variants.size() == 1 && isDefault(variants.get(0))) {
            String stock = stockOf(variants.get(0));
            return "Price: " + priceOf(variants.get(0), currency) + ". "
                    + Character.toUpperCase(stock.charAt(0)) + stock.substring(1) + ".\n";
        }
        StringBuilder text = new StringBuilder();
        if (!product.optionNames().isEmpty()) {
            text.append("Options: ").append(String.join(", ", product.optionNames())).append(".\n");
        }
        text.append("Variants:\n");
        for (Variant variant : variants) {
            text.append("- ").append(variant.title()).append(": ").append(priceOf(variant, currency)).append(", ")
                    .append(stockOf(variant));
            if (variant.sku() != null && !variant.sku().isBlank()) {
                text.append(" (SKU ").append(variant.sku()).append(')');
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String priceOf(Variant variant, String currency) {
        String price = money(variant.price(), currency);
        BigDecimal compareAt = variant.compareAtPrice();
        if (compareAt != null && compareAt.compareTo(variant.price()) > 0) {
            return price + " (on sale, was " + money(compareAt, currency) + ")";
        }
        return price;
    }

    static String stockOf(Variant variant) {
        if (!variant.inventoryTracked()) {
            return "available";
        }
        if (variant.inventoryQuantity() > 0) {
            return "in stock (" + variant.inventoryQuantity() + " available)";
        }
        return variant.continueSellingWhenOutOfStock() ? "out of stock, can be ordered (ships when restocked)"
                : "out of stock";
    }

    static String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        Currency code = Currency.getInstance(currency);
        format.setCurrency(code);
        format.setMinimumFractionDigits(code.getDefaultFractionDigits());
        format.setMaximumFractionDigits(code.getDefaultFractionDigits());
        return format.format(amount);
    }

    private static boolean isDefault(Variant variant) {
        return variant.optionValues().isEmpty() || "Default Title".equals(variant.title());
    }

    private static String label(String name, String value) {
        return value == null || value.isBlank() ? "" : name + ": " + value;
    }
}
