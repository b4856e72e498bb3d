package dev.baton.woocommerce.internal;

import dev.baton.catalog.StoreUnavailableException;
import dev.baton.woocommerce.internal.payload.WcOrder;
import dev.baton.woocommerce.internal.payload.WcProduct;
import dev.baton.woocommerce.internal.payload.WcSetting;
import dev.baton.woocommerce.internal.payload.WcVariation;
import dev.baton.woocommerce.internal.payload.WcWebhook;
import dev.baton.woocommerce.internal.payload.WcWebhookChange;
import dev.baton.woocommerce.internal.payload.WpPage;
import retrofit2.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One store's REST API, each call retried as {@link RetryingCalls} says. */
final class StoreClient {

    private final StoreAddress address;
    private final WooCommerceApi api;
    private final WordPressPages pages;
    private final RetryingCalls calls;
    private final int pageSize;

    StoreClient(StoreAddress address, WooCommerceApi api, WordPressPages pages, RetryingCalls calls, int pageSize) {
        this.address = address;
        this.api = api;
        this.pages = pages;
        this.calls = calls;
        this.pageSize = pageSize;
    }

    StoreAddress address() {
        return address;
    }

    /** A cheap call that needs valid keys: answers the general settings, or fails quickly with the reason. */
    List<WcSetting> checkKeys() {
        return calls.executeQuickly(address, api::generalSettings).body();
    }

    /** One page (from 1) of published products. */
    Listing<WcProduct> products(int page) {
        return listing(calls.execute(address, () -> api.products(pageSize, page)));
    }

    /** Every variation of a variable product, all pages. */
    List<WcVariation> variations(long productId) {
        List<WcVariation> all = new ArrayList<>();
        int page = 1;
        Listing<WcVariation> listing;
        do {
            int current = page;
            listing = listing(calls.execute(address, () -> api.variations(productId, pageSize, current)));
            all.addAll(listing.items());
            page++;
        } while (page <= listing.totalPages());
        return all;
    }

    Listing<WcOrder> orders(int page) {
        return listing(calls.execute(address, () -> api.orders(pageSize, page)));
    }

    List<WcOrder> searchOrders(String text) {
        return calls.execute(address, () -> api.searchOrders(text, pageSize)).body();
    }

    long productCount() {
        return listing(calls.execute(address, () -> api.products(1, 1))).total();
    }

    long orderCount() {
        return listing(calls.execute(address, () -> api.orders(1, 1))).total();
    }

    List<WcSetting> generalSettings() {
        return calls.execute(address, api::generalSettings).body();
    }

    List<WcSetting> advancedSettings() {
        return calls.execute(address, api::advancedSettings).body();
    }

    /** A published page by id; empty when there is none (deleted, or not published). */
    Optional<WpPage> page(long id) {
        try {
            WpPage page = calls.execute(address, () -> pages.page(id)).body();
            return "publish".equals(page.status()) ? Optional.of(page) : Optional.empty();
        } catch (StoreUnavailableException e) {
            if (e.getCause() instanceof RetryingCalls.HttpFailure failure
                    && (failure.status == 404 || failure.status == 401 || failure.status == 403)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Optional<WpPage> pageBySlug(String slug) {
        return calls.execute(address, () -> pages.bySlug(slug)).body().stream().findFirst();
    }

    WcProduct product(long id) {
        return calls.execute(address, () -> api.product(id)).body();
    }

    /** Every webhook of the store, whatever its status or address, all pages. */
    List<WcWebhook> webhooks() {
        List<WcWebhook> all = new ArrayList<>();
        int page = 1;
        Listing<WcWebhook> listing;
        do {
            int current = page;
            listing = listing(calls.executeQuickly(address, () -> api.webhooks(pageSize, current)));
            all.addAll(listing.items());
            page++;
        } while (page <= listing.totalPages());
        return all;
    }

    WcWebhook createWebhook(WcWebhookChange webhook) {
        return calls.executeQuickly(address, () -> api.createWebhook(webhook)).body();
    }

    WcWebhook updateWebhook(long id, WcWebhookChange change) {
        return calls.executeQuickly(address, () -> api.updateWebhook(id, change)).body();
    }

    private static <T> Listing<T> listing(Response<List<T>> response) {
        return new Listing<>(response.body(), header(response, "X-WP-TotalPages", 1),
                header(response, "X-WP-Total", response.body().size()));
    }

    private static long header(Response<?> response, String name, long fallback) {
        String value = response.headers().get(name);
        try {
            return value == null ? fallback : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** One page of a listing, and the totals WooCommerce reports in its headers. */
    record Listing<T>(List<T> items, long totalPages, long total) {
    }
}
