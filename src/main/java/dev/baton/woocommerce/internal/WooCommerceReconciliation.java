package dev.baton.woocommerce.internal;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.StoreIntegrations;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.woocommerce.internal.payload.WcOrder;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * WooCommerce never retries a webhook it failed to deliver and disables one that keeps failing, so every connected
 * store is asked, every {@code baton.woocommerce.reconciliation-interval} (15 minutes by default), for the products
 * and orders changed since its last successful run ({@code modified_after}), which are applied as webhooks would
 * apply them. It is cheap next to the catalog's hourly full re-sync, which stays: only a full read notices a product
 * deleted for good. JobRunr runs it on one node at a time.
 *
 * <p>{@link #reconcile(UUID)} is one store's run: its webhooks are repaired ({@link WooCommerceWebhooks#ensure}), then
 * what changed is read.
 */
@Component
public class WooCommerceReconciliation {

    private static final Logger log = LoggerFactory.getLogger(WooCommerceReconciliation.class);

    /**
     * Read a little before the mark: the mark is Baton's clock, {@code date_modified_gmt} the store's, and an item
     * applied twice costs a hash comparison, while one missed stays wrong until the next full sync.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final WooCommerceStoreRepository stores;
    private final WooCommercePlatform platform;
    private final ReconciliationMarks marks;
    private final StoreIntegrations integrations;
    private final Catalog catalog;
    private final Clock clock;
    private final WooCommerceWebhooks webhooks;

    WooCommerceReconciliation(WooCommerceStoreRepository stores, WooCommercePlatform platform,
            ReconciliationMarks marks, StoreIntegrations integrations, Catalog catalog, Clock clock,
            WooCommerceWebhooks webhooks) {
        this.webhooks = webhooks;
        this.stores = stores;
        this.platform = platform;
        this.marks = marks;
        this.integrations = integrations;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One store failing (down, keys revoked, maintenance) is logged and leaves the others to run. */
    @Recurring(id = "woocommerce-reconciliation", interval = "${baton.woocommerce.reconciliation-interval:PT15M}")
    public void reconcileAll() {
        for (UUID integrationId : stores.integrationIds()) {
            try {
                reconcile(integrationId);
            } catch (RuntimeException e) {
                // Already logged (and recorded with the store) by reconcile; the next run reads from the same mark.
            }
        }
    }

    /**
     * Reads and applies what changed in one store since its mark, then moves the mark to this run's start. A store
     * never reconciled starts from its last successful full sync; one never fully synced is left to that first sync.
     * A failure is logged and recorded with the store, keeps the mark, and is thrown to the caller.
     */
    Result reconcile(UUID integrationId) {
        Optional<WooCommerceStore> store;
        StoreIntegration integration;
        Optional<OffsetDateTime> mark;
        try {
            store = stores.find(integrationId);
            if (store.isEmpty()) {
                return Result.skipped("no keys are stored");
            }
            integration = integrations.get(store.get().accountId(), integrationId);
            mark = marks.find(integrationId).or(() -> Optional.ofNullable(integration.lastSyncedAt()));
        } catch (RuntimeException e) {
            log.error("WooCommerce reconciliation of integration {} could not start: {}", integrationId,
                    e.getMessage(), e);
            throw e;
        }
        if (!integration.connected()) {
            return Result.skipped("the store is disconnected");
        }
        // WooCommerce disables a webhook after repeated failed deliveries and tells no one: re-enable or recreate
        // them first, so changes after this run arrive again. Never throws; a refusal is recorded for the owner.
        webhooks.ensure(integrationId);
        if (mark.isEmpty()) {
            return Result.skipped("its first full sync has not finished");
        }
        OffsetDateTime startedAt = OffsetDateTime.now(clock);
        try {
            Result result = apply(store.get(), mark.get().minus(CLOCK_SKEW), startedAt);
            marks.advance(integrationId, startedAt);
            log.info("WooCommerce reconciliation of {}: {} products updated, {} removed, {} orders updated",
                    integration.storeAddress(), result.productsApplied(), result.productsRemoved(),
                    result.ordersApplied());
            return result;
        } catch (RuntimeException e) {
            String failed = "WooCommerce reconciliation of {} failed; changes since {} will be read again next run: {}";
            if (e instanceof StoreUnavailableException) {
                log.warn(failed, integration.storeAddress(), mark.get(), e.getMessage());
                marks.recordFailure(integrationId, e.getMessage());
            } else {
                log.error(failed, integration.storeAddress(), mark.get(), e.getMessage(), e);
                marks.recordFailure(integrationId, "Unexpected error: " + e.getMessage());
            }
            throw e;
        }
    }

    private Result apply(WooCommerceStore store, OffsetDateTime after, OffsetDateTime now) {
        StoreClient client = platform.client(store.integrationId());
        UUID accountId = store.accountId();
        int[] counts = new int[3];
        // "any" is every status but the trash: a product published is applied, one drafted or made private removed.
        pages(page -> client.changedProducts("any", after, page), product -> {
            if ("publish".equals(product.status())) {
                counts[0] += catalog.applyProduct(accountId, CatalogOrigin.WOOCOMMERCE,
                        WooCommercePlatform.product(client, product)) ? 1 : 0;
            } else {
                catalog.removeProduct(accountId, CatalogOrigin.WOOCOMMERCE, String.valueOf(product.id()));
                counts[1]++;
            }
        });
        pages(page -> client.changedProducts("trash", after, page), product -> {
            catalog.removeProduct(accountId, CatalogOrigin.WOOCOMMERCE, String.valueOf(product.id()));
            counts[1]++;
        });
        pages(page -> client.changedOrders(after, page), order -> {
            counts[2] += catalog.applyOrder(accountId, CatalogOrigin.WOOCOMMERCE,
                    WooCommercePlatform.order(client, order, now), modifiedAt(order, now)) ? 1 : 0;
        });
        return new Result(counts[0], counts[1], counts[2], "");
    }

    /** Every page of a listing, each item handed over as it is read. */
    private static <T> void pages(IntFunction<StoreClient.Listing<T>> read, Consumer<T> each) {
        int page = 1;
        StoreClient.Listing<T> listing;
        do {
            listing = read.apply(page);
            listing.items().forEach(each);
            page++;
        } while (page <= listing.totalPages());
    }

    private static OffsetDateTime modifiedAt(WcOrder order, OffsetDateTime now) {
        OffsetDateTime modified = WooCommerceMapping.time(order.dateModifiedGmt());
        return modified != null ? modified : now;
    }

    /** What one store's run did; {@code skipped} says why nothing was read, empty when it ran. */
    record Result(int productsApplied, int productsRemoved, int ordersApplied, String skipped) {

        static Result skipped(String why) {
            return new Result(0, 0, 0, why);
        }
    }
}
