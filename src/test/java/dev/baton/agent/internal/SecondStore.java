package dev.baton.agent.internal;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.catalog.PriceFormat;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductStatus;
import dev.baton.catalog.StoreInfo;
import dev.baton.catalog.Variant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A second store for the agent's tests, unlike the demo store: a Polish shop whose titles, types, tags, colours and
 * policies are in Polish and whose prices are in PLN written "1 299,00 zł" ({@code agent/second-store.json}).
 */
final class SecondStore {

    private SecondStore() {
    }

    static void load(Catalog catalog, ObjectMapper json, UUID accountId) {
        try (InputStream in = SecondStore.class.getResourceAsStream("/agent/second-store.json")) {
            JsonNode store = json.readTree(in);
            JsonNode format = store.path("priceFormat");
            catalog.updateStore(accountId, CatalogOrigin.FILE_IMPORT, new StoreInfo(store.path("name").asString(),
                    store.path("currency").asString(), store.path("email").asString(), store.path("url").asString(),
                    new PriceFormat(PriceFormat.SymbolPosition.of(format.path("symbolPosition").asString()),
                            format.path("thousandSeparator").asString(), format.path("decimalSeparator").asString(),
                            format.path("decimals").asInt())));
            OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:00Z");
            String url = store.path("url").asString();
            List<Product> products = new ArrayList<>();
            for (JsonNode product : store.path("products")) {
                List<String> options = new ArrayList<>();
                product.path("options").forEach(option -> options.add(option.asString()));
                List<Variant> variants = new ArrayList<>();
                for (JsonNode variant : product.path("variants")) {
                    List<String> values = new ArrayList<>();
                    variant.path("options").forEach(value -> values.add(value.asString()));
                    boolean single = values.equals(List.of("Default Title"));
                    variants.add(new Variant(String.join(" / ", values), single ? List.of() : values,
                            product.path("handle").asString() + "-" + String.join("-", values),
                            new BigDecimal(variant.path("price").asString()),
                            variant.path("compareAt").isNull() ? null : new BigDecimal(variant.path("compareAt").asString()),
                            variant.path("stock").asInt(), false, variant.path("weight").asInt()));
                }
                List<String> tags = new ArrayList<>();
                product.path("tags").forEach(tag -> tags.add(tag.asString()));
                String handle = product.path("handle").asString();
                products.add(new Product(handle, handle, product.path("title").asString(),
                        product.path("description").asString(), "Sklep Górski", product.path("type").asString(), tags,
                        options.equals(List.of("Title")) ? List.of() : options, ProductStatus.ACTIVE, true,
                        url + "/products/" + handle, product.path("image").asString(), now, variants));
            }
            catalog.replaceProducts(accountId, CatalogOrigin.FILE_IMPORT, products);
            List<Policy> policies = new ArrayList<>();
            store.path("policies").properties().forEach(entry -> {
                String body = entry.getValue().asString();
                String title = body.lines().findFirst().orElse("").replaceAll("^#+\\s*", "");
                policies.add(new Policy(PolicyType.valueOf(entry.getKey()), title, body, url + "/policies", now));
            });
            catalog.replacePolicies(accountId, CatalogOrigin.FILE_IMPORT, policies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
