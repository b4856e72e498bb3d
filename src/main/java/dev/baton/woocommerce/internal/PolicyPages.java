package dev.baton.woocommerce.internal;

import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.woocommerce.internal.payload.WcSetting;
import dev.baton.woocommerce.internal.payload.WpPage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store's policies are ordinary WordPress pages. The page the owner picked in Baton comes first; then the page
 * WooCommerce records (terms in the advanced settings, refunds and returns since WooCommerce 5.6, the privacy page
 * that WooCommerce's Accounts &amp; Privacy settings show from WordPress); then the page with the slug WordPress or
 * WooCommerce gives it by default. One instance looks through one store, reading its settings at most once.
 */
final class PolicyPages {

    /**
     * The policies Baton looks for on WooCommerce, in the order the Knowledge page lists them. Contact information
     * is not one: neither WooCommerce nor WordPress has a page for it (see decision 40).
     */
    static final List<PolicyType> TYPES = List.of(PolicyType.REFUND_POLICY, PolicyType.SHIPPING_POLICY,
            PolicyType.PRIVACY_POLICY, PolicyType.TERMS_OF_SERVICE);

    private record Wanted(String settingId, List<String> slugs) {
    }

    private static final Map<PolicyType, Wanted> WANTED = Map.of(
            PolicyType.REFUND_POLICY, new Wanted("woocommerce_refund_returns_page_id",
                    List.of("refund_returns", "refund-and-returns-policy", "refund-policy", "returns-policy")),
            PolicyType.SHIPPING_POLICY, new Wanted("", List.of("shipping-policy", "shipping-and-delivery", "shipping")),
            PolicyType.PRIVACY_POLICY, new Wanted("wp_page_for_privacy_policy", List.of("privacy-policy")),
            PolicyType.TERMS_OF_SERVICE, new Wanted("woocommerce_terms_page_id",
                    List.of("terms-and-conditions", "terms-of-service", "terms")));

    private final StoreClient client;
    private Map<String, String> settings;

    PolicyPages(StoreClient client) {
        this.client = client;
    }

    /**
     * Where one policy is. {@code pickedPageId}: the page the owner chose (0: none); a picked page that is gone or
     * no longer published leaves the defaults to look at.
     */
    Lookup look(PolicyType type, long pickedPageId) {
        if (pickedPageId > 0) {
            Optional<WpPage> picked = client.page(pickedPageId);
            if (picked.isPresent()) {
                return new Lookup(type, picked.get(), true);
            }
        }
        return new Lookup(type, byDefault(WANTED.get(type)).orElse(null), false);
    }

    private Optional<WpPage> byDefault(Wanted wanted) {
        long pageId = id(settings().getOrDefault(wanted.settingId(), ""));
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

    private Map<String, String> settings() {
        if (settings == null) {
            settings = new HashMap<>();
            for (WcSetting setting : client.advancedSettings()) {
                settings.putIfAbsent(setting.id(), setting.text());
            }
            for (WcSetting setting : client.accountSettings()) {
                settings.putIfAbsent(setting.id(), setting.text());
            }
        }
        return settings;
    }

    static Policy policy(PolicyType type, WpPage page) {
        return new Policy(type, title(page), PlainText.of(page.content() == null ? "" : page.content().rendered()),
                WooCommerceMapping.text(page.link()), WooCommerceMapping.time(page.modifiedGmt()));
    }

    /** A page's title as text ("Terms &amp;amp; Conditions" comes rendered). */
    static String title(WpPage page) {
        return PlainText.of(page.title() == null ? "" : page.title().rendered());
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What a look found: the page (null: missing), and whether it is the one the owner picked. */
    record Lookup(PolicyType type, WpPage page, boolean picked) {

        Optional<WpPage> found() {
            return Optional.ofNullable(page);
        }

        Optional<Policy> policy() {
            return found().map(found -> PolicyPages.policy(type, found));
        }
    }
}
