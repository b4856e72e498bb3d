package dev.baton.catalog;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A product as the store has it. {@code descriptionHtml} is the store's own (HTML) description; {@code url} is the
 * product page on the online store.
 */
public record Product(String externalId, String handle, String title, String descriptionHtml, String vendor,
        String productType, List<String> tags, List<String> optionNames, ProductStatus status, boolean published,
        String url, String imageUrl, OffsetDateTime updatedAt, List<Variant> variants) {

    /** Only what a shopper can buy is indexed: active and published on the online store. */
    public boolean visibleToShoppers() {
        return status == ProductStatus.ACTIVE && published;
    }
}
