package dev.baton.fileimport.internal;

import dev.baton.catalog.Product;
import dev.baton.catalog.ProductStatus;
import dev.baton.catalog.Variant;
import dev.baton.shared.BatonException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Shopify's product CSV export: current column names ("URL handle", "Price", ...) and the legacy ones
 * ("Handle", "Variant Price", ...). A product's first row carries the product; every row with a price is a variant;
 * rows with neither (extra images) are skipped.
 */
final class ShopifyProductCsv {

    private ShopifyProductCsv() {
    }

    static List<Product> read(Reader reader, String storeUrl, OffsetDateTime importedAt) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            Columns columns = Columns.of(parser.getHeaderNames());
            Map<String, ProductRows> products = new LinkedHashMap<>();
            for (CSVRecord record : parser) {
                String handle = columns.get(record, "handle");
                if (handle.isEmpty()) {
                    throw BatonException.unprocessable("Row " + record.getRecordNumber() + " has no URL handle.");
                }
                ProductRows rows = products.computeIfAbsent(handle, h -> new ProductRows());
                if (rows.first == null && !columns.get(record, "title").isEmpty()) {
                    rows.first = record;
                }
                if (!columns.get(record, "price").isEmpty()) {
                    rows.variants.add(record);
                }
            }
            List<Product> result = new ArrayList<>();
            products.forEach((handle, rows) -> {
                if (rows.first == null) {
                    throw BatonException.unprocessable("Product '" + handle + "' has rows but none with a title.");
                }
                result.add(product(columns, handle, rows, storeUrl, importedAt));
            });
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw BatonException.unprocessable("The file is not a readable Shopify product CSV: " + e.getMessage());
        }
    }

    private static Product product(Columns columns, String handle, ProductRows rows, String storeUrl,
            OffsetDateTime importedAt) {
        CSVRecord first = rows.first;
        List<String> optionNames = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String name = columns.get(first, "option" + i + ".name");
            if (!name.isEmpty() && !(i == 1 && name.equals("Title") && rows.variants.size() <= 1)) {
                optionNames.add(name);
            }
        }
        List<Variant> variants = rows.variants.stream().map(row -> variant(columns, row, optionNames.size())).toList();
        return new Product(handle, handle, columns.get(first, "title"), columns.get(first, "description"),
                columns.get(first, "vendor"), columns.get(first, "type"), tags(columns.get(first, "tags")), optionNames,
                status(columns.get(first, "status")), !"false".equalsIgnoreCase(columns.get(first, "published")),
                storeUrl + "/products/" + handle, image(columns, rows), importedAt, variants);
    }

    private static Variant variant(Columns columns, CSVRecord row, int optionCount) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= optionCount; i++) {
            values.add(columns.get(row, "option" + i + ".value"));
        }
        String title = values.isEmpty() ? "Default Title" : String.join(" / ", values);
        boolean tracked = !columns.get(row, "inventory.tracker").isEmpty();
        String quantity = columns.get(row, "inventory.quantity");
        return new Variant(title, values, columns.get(row, "sku"), money(row, columns.get(row, "price")),
                columns.get(row, "compareAt").isEmpty() ? null : money(row, columns.get(row, "compareAt")),
                tracked ? (quantity.isEmpty() ? 0 : Integer.parseInt(quantity)) : null,
                "continue".equalsIgnoreCase(columns.get(row, "inventory.policy")), grams(columns, row));
    }

    /** The product's first image (the file may give it on a later row); null when it has none. */
    private static String image(Columns columns, ProductRows rows) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(rows.first), rows.variants.stream())
                .map(row -> columns.get(row, "image")).filter(src -> src.startsWith("http")).findFirst().orElse(null);
    }

    private static Integer grams(Columns columns, CSVRecord row) {
        String grams = columns.get(row, "weight.grams");
        try {
            return grams.isEmpty() ? null : (int) Math.round(Double.parseDouble(grams));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal money(CSVRecord row, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw BatonException.unprocessable("Row " + row.getRecordNumber() + " has a price that is not a number: '"
                    + value + "'.");
        }
    }

    private static ProductStatus status(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "draft" -> ProductStatus.DRAFT;
            case "archived" -> ProductStatus.ARCHIVED;
            default -> ProductStatus.ACTIVE;
        };
    }

    private static List<String> tags(String value) {
        return value.isBlank() ? List.of()
                : List.of(value.split(",")).stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static final class ProductRows {
        private CSVRecord first;
        private final List<CSVRecord> variants = new ArrayList<>();
    }

    /** Our names for the columns, each with the header of the current export and of the legacy one. */
    private record Columns(Map<String, String> headers) {

        private static final Map<String, List<String>> ALIASES = Map.ofEntries(
                Map.entry("handle", List.of("URL handle", "Handle")),
                Map.entry("title", List.of("Title")),
                Map.entry("description", List.of("Description", "Body (HTML)")),
                Map.entry("vendor", List.of("Vendor")),
                Map.entry("type", List.of("Type")),
                Map.entry("tags", List.of("Tags")),
                Map.entry("published", List.of("Published on online store", "Published")),
                Map.entry("status", List.of("Status")),
                Map.entry("sku", List.of("SKU", "Variant SKU")),
                Map.entry("option1.name", List.of("Option1 name", "Option1 Name")),
                Map.entry("option1.value", List.of("Option1 value", "Option1 Value")),
                Map.entry("option2.name", List.of("Option2 name", "Option2 Name")),
                Map.entry("option2.value", List.of("Option2 value", "Option2 Value")),
                Map.entry("option3.name", List.of("Option3 name", "Option3 Name")),
                Map.entry("option3.value", List.of("Option3 value", "Option3 Value")),
                Map.entry("price", List.of("Price", "Variant Price")),
                Map.entry("compareAt", List.of("Compare-at price", "Variant Compare At Price")),
                Map.entry("inventory.tracker", List.of("Inventory tracker", "Variant Inventory Tracker")),
                Map.entry("inventory.quantity", List.of("Inventory quantity", "Variant Inventory Qty")),
                Map.entry("inventory.policy", List.of("Continue selling when out of stock", "Variant Inventory Policy")),
                Map.entry("image", List.of("Product image URL", "Image Src")),
                Map.entry("weight.grams", List.of("Weight value (grams)", "Variant Grams")));

        static Columns of(List<String> headerNames) {
            Map<String, String> headers = new LinkedHashMap<>();
            ALIASES.forEach((name, aliases) -> aliases.stream().filter(headerNames::contains).findFirst()
                    .ifPresent(header -> headers.put(name, header)));
            for (String required : List.of("handle", "title", "price")) {
                if (!headers.containsKey(required)) {
                    throw BatonException.unprocessable("The file is not a Shopify product CSV: it has no '"
                            + ALIASES.get(required).get(0) + "' column.");
                }
            }
            return new Columns(headers);
        }

        String get(CSVRecord record, String name) {
            String header = headers.get(name);
            if (header == null || !record.isMapped(header) || !record.isSet(header)) {
                return "";
            }
            return record.get(header).strip();
        }
    }
}
