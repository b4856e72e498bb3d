package dev.baton.woocommerce.internal;

import dev.baton.catalog.StoreUnavailableException;
import dev.baton.woocommerce.internal.payload.WcOrder;
import dev.baton.woocommerce.internal.payload.WcOrderNote;
import dev.baton.woocommerce.internal.payload.WcProduct;
import dev.baton.woocommerce.internal.payload.WcSetting;
import dev.baton.woocommerce.internal.payload.WcVariation;
import dev.baton.woocommerce.internal.payload.WcWebhook;
import dev.baton.woocommerce.internal.payload.WcWebhookChange;
import dev.baton.woocommerce.internal.payload.WpPage;
import dev.baton.woocommerce.internal.payload.WpSite;
import retrofit2.Response;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One store's REST API, each call retried as {@link RetryingCalls} says. */
final class StoreClient {

    /** WooCommerce's own date format: GMT, to the second, no offset ({@code dates_are_gmt=true} says it is GMT). */
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    /** How many pages of a customer's orders are read at most: a lookup, not an export. */
    private static final int SEARCH_PAGES = 5;

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

    /** One page (from 1) of products of {@code status} ({@code any} or {@code trash}) changed after a moment. */
    Listing<WcProduct> changedProducts(String status, OffsetDateTime modifiedAfter, int page) {
        String after = gmt(modifiedAfter);
        return listing(calls.execute(address, () -> api.changedProducts(status, after, pageSize, page)));
    }

    /** One page (from 1) of the orders changed after a moment. */
    Listing<WcOrder> changedOrders(OffsetDateTime modifiedAfter, int page) {
        String after = gmt(modifiedAfter);
        return listing(calls.execute(address, () -> api.changedOrders(after, pageSize, page)));
    }

    static String gmt(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(GMT);
    }

    /** The order with this number ("1001" or "#1001"), as the store numbers it (not necessarily its id). */
    Optional<WcOrder> orderByNumber(String number) {
        String wanted = number == null ? "" : number.strip().replaceFirst("^#", "").strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return search(wanted).stream().filter(order -> wanted.equalsIgnoreCase(orderNumber(order))).findFirst();
    }

    /** The orders whose billing email is this one (any case), newest id last. */
    List<WcOrder> ordersByEmail(String email) {
        String wanted = email == null ? "" : email.strip();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return search(wanted).stream().filter(order -> order.billing() != null && order.billing().email() != null
                && wanted.equalsIgnoreCase(order.billing().email().strip())).toList();
    }

    private static String orderNumber(WcOrder order) {
        return order.number() == null || order.number().isBlank() ? String.valueOf(order.id()) : order.number().strip();
    }

    /** Every page of a search, up to {@link #SEARCH_PAGES}: WooCommerce's search is broad, the callers narrow it. */
    private List<WcOrder> search(String text) {
        List<WcOrder> found = new ArrayList<>();
        int page = 1;
        Listing<WcOrder> listing;
        do {
            int current = page;
            listing = listing(calls.execute(address, () -> api.searchOrders(text, pageSize, current)));
            found.addAll(listing.items());
            page++;
        } while (page <= listing.totalPages() && page <= SEARCH_PAGES);
        return found;
    }

    /** An order's notes, newest first. */
    List<WcOrderNote> orderNotes(long orderId) {
        return calls.execute(address, () -> api.orderNotes(orderId)).body();
    }

    /**
     * The site's title from the WordPress REST API index, read with the short retry budget; empty when the site has
     * none or the index cannot be read (a security plugin may hide it): the caller falls back to the host.
     */
    Optional<String> siteName() {
        try {
            WpSite site = calls.executeQuickly(address, pages::site).body();
            String name = site.name() == null ? "" : PlainText.of(site.name());
            return name.isBlank() ? Optional.empty() : Optional.of(name);
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
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

    /**
     * Accounts &amp; Privacy settings, where WooCommerce shows WordPress's own privacy page setting
     * ({@code wp_page_for_privacy_policy}); empty where the store has no such group (WooCommerce before 3.4).
     */
    List<WcSetting> accountSettings() {
        try {
            return calls.execute(address, api::accountSettings).body();
        } catch (StoreUnavailableException e) {
            if (e.getCause() instanceof RetryingCalls.HttpFailure failure && failure.status == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** Every published page (id, title, link and slug only), all pages of the listing; for the owner to pick from. */
    List<WpPage> publishedPages() {
        List<WpPage> all = new ArrayList<>();
        int page = 1;
        Listing<WpPage> listing;
        do {
            int current = page;
            listing = listing(calls.executeQuickly(address, () -> pages.published(pageSize, current)));
            all.addAll(listing.items());
            page++;
        } while (page <= listing.totalPages());
        return all;
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
