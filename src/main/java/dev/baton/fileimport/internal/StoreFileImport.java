package dev.baton.fileimport.internal;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Policy;
import dev.baton.catalog.Product;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;

import java.io.Reader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Any store's export, uploaded by its owner: the products replace the account's imported catalog. */
@Service
public class StoreFileImport {

    private final Catalog catalog;
    private final Clock clock;

    StoreFileImport(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Returns how many products the file held and how many of them shoppers can see. */
    public ImportResult importProducts(UUID accountId, Reader csv, String storeUrl) {
        List<Product> products = ShopifyProductCsv.read(csv, trimSlash(storeUrl), OffsetDateTime.now(clock));
        if (products.isEmpty()) {
            throw BatonException.unprocessable("The file has a header but no products.");
        }
        catalog.replaceProducts(accountId, CatalogOrigin.FILE_IMPORT, products);
        return new ImportResult(products.size(), (int) products.stream().filter(Product::visibleToShoppers).count());
    }

    public void importPolicy(UUID accountId, String filename, String markdown, String storeUrl) {
        Policy policy = StoreExport.policy(filename, markdown, trimSlash(storeUrl), OffsetDateTime.now(clock))
                .orElseThrow(() -> BatonException.badRequest("Name the file after the policy: refund-policy.md, "
                        + "shipping-policy.md, privacy-policy.md, terms-of-service.md or contact-information.md."));
        catalog.upsertPolicy(accountId, CatalogOrigin.FILE_IMPORT, policy);
    }

    private static String trimSlash(String url) {
        String value = url == null ? "" : url.strip();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    public record ImportResult(int products, int visibleToShoppers) {
    }
}
