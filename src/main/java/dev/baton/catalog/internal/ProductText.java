package dev.baton.catalog.internal;

import dev.baton.catalog.PriceFormat;
import dev.baton.catalog.Product;
import dev.baton.catalog.Variant;
import dev.baton.shared.HtmlText;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
        return describe(product, currency, PriceFormat.STANDARD);
    }

    static String describe(Product product, String currency, PriceFormat format) {
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
        text.append('\n').append(variants(product, currency, format));
        if (product.url() != null && !product.url().isBlank()) {
            text.append("\nProduct page: ").append(product.url()).append('\n');
        }
        return text.toString().strip();
    }

    private static String variants(Product product, String currency, PriceFormat format) {
        List<Variant> variants = product.variants();
        if (variants.size() == 1 && isDefault(variants.get(0))) {
            String stock = stockOf(variants.get(0));
            return "Price: " + priceOf(variants.get(0), currency, format) + ". "
                    + Character.toUpperCase(stock.charAt(0)) + stock.substring(1) + ".\n";
        }
        StringBuilder text = new StringBuilder();
        if (!product.optionNames().isEmpty()) {
            text.append("Options: ").append(String.join(", ", product.optionNames())).append(".\n");
        }
        text.append("Variants:\n");
        for (Variant variant : variants) {
            text.append("- ").append(variant.title()).append(": ").append(priceOf(variant, currency, format))
                    .append(", ")
                    .append(stockOf(variant));
            if (variant.sku() != null && !variant.sku().isBlank()) {
                text.append(" (SKU ").append(variant.sku()).append(')');
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String priceOf(Variant variant, String currency) {
        return priceOf(variant, currency, PriceFormat.STANDARD);
    }

    static String priceOf(Variant variant, String currency, PriceFormat format) {
        String price = money(variant.price(), currency, format);
        BigDecimal compareAt = variant.compareAtPrice();
        if (compareAt != null && compareAt.compareTo(variant.price()) > 0) {
            return price + " (on sale, was " + money(compareAt, currency, format) + ")";
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

    /**
     * The amount as the store writes it: its separators, its decimals, the symbol on its side. The symbol is the
     * currency's usual one in English ("€", "£", "R$"); WooCommerce's own symbol table is not read.
     */
    static String money(BigDecimal amount, String currency, PriceFormat format) {
        if (PriceFormat.STANDARD.equals(format)) {
            return money(amount, currency);
        }
        Currency code = Currency.getInstance(currency);
        int decimals = format.decimals() < 0 ? Math.max(0, code.getDefaultFractionDigits()) : format.decimals();
        String digits = amount.abs().setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        String whole = decimals == 0 ? digits : digits.substring(0, digits.length() - decimals - 1);
        StringBuilder number = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                number.append(format.thousandSeparator());
            }
            number.append(whole.charAt(i));
        }
        if (decimals > 0) {
            number.append(format.decimalSeparator()).append(digits.substring(digits.length() - decimals));
        }
        String symbol = code.getSymbol(Locale.US);
        String sign = amount.signum() < 0 ? "-" : "";
        return switch (format.symbolPosition()) {
            case LEFT -> sign + symbol + number;
            case LEFT_SPACE -> sign + symbol + " " + number;
            case RIGHT -> sign + number + symbol;
            case RIGHT_SPACE -> sign + number + " " + symbol;
        };
    }

    private static boolean isDefault(Variant variant) {
        return variant.optionValues().isEmpty() || "Default Title".equals(variant.title());
    }

    private static String label(String name, String value) {
        return value == null || value.isBlank() ? "" : name + ": " + value;
    }
}
