package dev.baton.woocommerce.internal;

import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.woocommerce.internal.payload.WcSetting;
import dev.baton.woocommerce.internal.payload.WpPage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A store's policies are ordinary WordPress pages. Where WooCommerce records which page it is (terms in the advanced
 * settings; refunds and returns since WooCommerce 5.6) that page is read; otherwise the page with the slug WordPress
 * or WooCommerce gives it by default. A policy found nowhere is simply not returned.
 */
final class PolicyPages {

    private record Wanted(PolicyType type, String settingId, List<String> slugs) {
    }

    private static final List<Wanted> WANTED = List.of(
            new Wanted(PolicyType.REFUND_POLICY, "woocommerce_refund_returns_page_id",
                    List.of("refund_returns", "refund-and-returns-policy", "refund-policy", "returns-policy")),
            new Wanted(PolicyType.SHIPPING_POLICY, "", List.of("shipping-policy", "shipping-and-delivery", "shipping")),
            new Wanted(PolicyType.PRIVACY_POLICY, "", List.of("privacy-policy")),
            new Wanted(PolicyType.TERMS_OF_SERVICE, "woocommerce_terms_page_id",
                    List.of("terms-and-conditions", "terms-of-service", "terms")));

    private PolicyPages() {
    }

    static List<Policy> read(StoreClient client) {
        Map<String, String> settings = client.advancedSettings().stream()
                .collect(Collectors.toMap(WcSetting::id, WcSetting::text, (a, b) -> a));
        List<Policy> policies = new ArrayList<>();
        for (Wanted wanted : WANTED) {
            find(client, wanted, settings).ifPresent(page -> policies.add(policy(wanted.type(), page)));
        }
        return policies;
    }

    private static Optional<WpPage> find(StoreClient client, Wanted wanted, Map<String, String> settings) {
        long pageId = id(settings.getOrDefault(wanted.settingId(), ""));
        if (pageId > 0) {
            Optional<WpPage> page = client.page(pageId);
            if (page.isPresent()) {
                return page;
            }
        }
        for (String slug : wanted.slugs()) {
            Optional<WpPage> page = client.pageBySlug(slug);
            if (page.isPresent()) {
                return page;
            }
        }
        return Optional.empty();
    }

    private static Policy policy(PolicyType type, WpPage page) {
        return new Policy(type, PlainText.of(page.title() == null ? "" : page.title().rendered()),
                PlainText.of(page.content() == null ? "" : page.content().rendered()),
                WooCommerceMapping.text(page.link()), WooCommerceMapping.time(page.modifiedGmt()));
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
