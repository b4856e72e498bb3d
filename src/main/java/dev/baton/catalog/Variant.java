package dev.baton.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * One buyable variant. {@code compareAtPrice} is null when the variant is not on sale; {@code inventoryQuantity}
 * is null when the store does not track stock for it; {@code weightGrams} is null when the store gives no weight.
 */
public record Variant(String title, List<String> optionValues, String sku, BigDecimal price, BigDecimal compareAtPrice,
        Integer inventoryQuantity, boolean continueSellingWhenOutOfStock, Integer weightGrams) {

    public boolean inventoryTracked() {
        return inventoryQuantity != null;
    }

    public boolean available() {
        return !inventoryTracked() || inventoryQuantity > 0 || continueSellingWhenOutOfStock;
    }
}
