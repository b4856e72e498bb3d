package dev.baton.fileimport.internal;

import dev.baton.catalog.Order;
import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.catalog.StoreInfo;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The non-CSV files of a store export: store.json, policies as Markdown, orders.json. */
final class StoreExport {

    private static final Map<String, PolicyType> POLICY_FILES = Map.of(
            "refund-policy", PolicyType.REFUND_POLICY,
            "shipping-policy", PolicyType.SHIPPING_POLICY,
            "privacy-policy", PolicyType.PRIVACY_POLICY,
            "terms-of-service", PolicyType.TERMS_OF_SERVICE,
            "contact-information", PolicyType.CONTACT_INFORMATION);

    private StoreExport() {
    }

    static StoreInfo store(ObjectMapper json, InputStream in) {
        Map<String, String> store = json.readValue(in, new TypeReference<Map<String, String>>() { });
        String url = store.getOrDefault("url", "");
        return new StoreInfo(store.get("name"), store.getOrDefault("currency", "USD"), store.get("email"),
                url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** A policy file named like {@code refund-policy.md}; its first heading is its title. */
    static Optional<Policy> policy(String filename, String markdown, String storeUrl, OffsetDateTime importedAt) {
        String base = filename.toLowerCase(Locale.ROOT).replaceFirst("\\.(md|markdown)$", "");
        PolicyType type = POLICY_FILES.get(base);
        if (type == null) {
            return Optional.empty();
        }
        String title = markdown.lines().filter(line -> line.startsWith("# ")).findFirst()
                .map(line -> line.substring(2).strip())
                .orElse(base.replace('-', ' '));
        return Optional.of(new Policy(type, title, markdown.strip(), storeUrl + "/policies/" + base, importedAt));
    }

    static List<Order> orders(ObjectMapper json, InputStream in) {
        List<Order> orders = json.readValue(in, new TypeReference<List<Order>>() { });
        return orders.stream()
                .map(order -> order.externalId() != null ? order : new Order(order.name(), order.name(), order.email(),
                        order.phone(), order.createdAt(), order.financialStatus(), order.fulfillmentStatus(),
                        order.currency(), order.totalPrice(), order.lineItems(), order.fulfillments()))
                .toList();
    }
}
