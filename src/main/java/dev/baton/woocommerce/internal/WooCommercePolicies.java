package dev.baton.woocommerce.internal;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.StoreIntegrations;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.shared.BatonException;
import dev.baton.woocommerce.internal.payload.WpPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where each policy of a connected store comes from, and the owner's say in it. A sync records, per policy, the page
 * it found or that it found none; the owner can then pick a page (read at once, and first by every later sync) or
 * take the policy over by hand (syncs stop looking for it). Calls to the store run outside any transaction.
 */
@Service
public class WooCommercePolicies {

    private final StoreIntegrations integrations;
    private final WooCommerceStoreRepository stores;
    private final WooCommerceClients clients;
    private final WooCommercePolicyRepository policies;
    private final Catalog catalog;
    private final TransactionTemplate transaction;

    WooCommercePolicies(StoreIntegrations integrations, WooCommerceStoreRepository stores, WooCommerceClients clients,
            WooCommercePolicyRepository policies, Catalog catalog, PlatformTransactionManager transactions) {
        this.integrations = integrations;
        this.stores = stores;
        this.clients = clients;
        this.policies = policies;
        this.catalog = catalog;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** For the sync: looks for every policy not written by hand, records what it saw, answers the pages found. */
    List<Policy> duringSync(WooCommerceStore store, StoreClient client) {
        Map<PolicyType, PolicyState> states = states(store.integrationId());
        PolicyPages pages = new PolicyPages(client);
        List<Policy> found = new ArrayList<>();
        for (PolicyType type : PolicyPages.TYPES) {
            PolicyState state = states.get(type);
            if (state.byHand()) {
                continue;
            }
            PolicyPages.Lookup lookup = pages.look(type, state.pickedPageId());
            policies.recordLook(store.integrationId(), store.accountId(), lookup);
            lookup.policy().ifPresent(found::add);
        }
        return found;
    }

    /** Every policy Baton looks for on WooCommerce, in a fixed order, with where it comes from. */
    public List<PolicyState> list(UUID accountId, UUID integrationId) {
        store(accountId, integrationId);
        return List.copyOf(states(integrationId).values());
    }

    public PolicyState get(UUID accountId, UUID integrationId, PolicyType type) {
        store(accountId, integrationId);
        return states(integrationId).get(type);
    }

    /** The store's published pages to pick from, by title. */
    public List<StorePage> pages(UUID accountId, UUID integrationId) {
        WooCommerceStore store = store(accountId, integrationId);
        try {
            return client(store).publishedPages().stream()
                    .map(page -> new StorePage(page.id(), PolicyPages.title(page), WooCommerceMapping.text(page.link()),
                            WooCommerceMapping.text(page.slug())))
                    .sorted(Comparator.comparing((StorePage page) -> page.title().toLowerCase(Locale.ROOT))
                            .thenComparingLong(StorePage::id))
                    .toList();
        } catch (StoreUnavailableException e) {
            throw new StoreUnreachable(e);
        }
    }

    /**
     * The owner's page for a policy: read now and made a synced source at once, and read first by every later
     * sync. A page the store does not publish answers 422.
     */
    public PolicyState pick(UUID accountId, UUID integrationId, PolicyType type, long pageId) {
        WooCommerceStore store = changeable(accountId, integrationId, type);
        WpPage page;
        try {
            page = client(store).page(pageId).orElseThrow(() -> BatonException.unprocessable("The store at "
                    + store.address().url() + " has no published page with id " + pageId
                    + ". Pick one of its published pages (GET /api/v1/integrations/" + integrationId + "/pages)."));
        } catch (StoreUnavailableException e) {
            throw new StoreUnreachable(e);
        }
        transaction.executeWithoutResult(status -> {
            policies.pick(integrationId, accountId, type, pageId);
            policies.recordLook(integrationId, accountId, new PolicyPages.Lookup(type, page, true));
            catalog.upsertPolicy(accountId, CatalogOrigin.WOOCOMMERCE, PolicyPages.policy(type, page));
        });
        return states(integrationId).get(type);
    }

    /**
     * The owner writes this policy as a manual source: a synced copy of it goes, syncs stop looking for it, and the
     * Knowledge page stops listing it as missing.
     */
    public PolicyState markByHand(UUID accountId, UUID integrationId, PolicyType type) {
        changeable(accountId, integrationId, type);
        transaction.executeWithoutResult(status -> {
            policies.markByHand(integrationId, accountId, type);
            catalog.removePolicy(accountId, CatalogOrigin.WOOCOMMERCE, type);
        });
        return states(integrationId).get(type);
    }

    /** Forgets the owner's choice and looks in the store again, as a sync would, applying what it finds at once. */
    public PolicyState lookAgain(UUID accountId, UUID integrationId, PolicyType type) {
        WooCommerceStore store = changeable(accountId, integrationId, type);
        PolicyPages.Lookup lookup;
        try {
            lookup = new PolicyPages(client(store)).look(type, 0);
        } catch (StoreUnavailableException e) {
            throw new StoreUnreachable(e);
        }
        transaction.executeWithoutResult(status -> {
            policies.clearChoice(integrationId, accountId, type);
            policies.recordLook(integrationId, accountId, lookup);
            lookup.policy().ifPresentOrElse(
                    policy -> catalog.upsertPolicy(accountId, CatalogOrigin.WOOCOMMERCE, policy),
                    () -> catalog.removePolicy(accountId, CatalogOrigin.WOOCOMMERCE, type));
        });
        return states(integrationId).get(type);
    }

    /**
     * A policy type from a path ("SHIPPING_POLICY", "shipping-policy"); one Baton does not look for on WooCommerce
     * answers 404, like an unknown id.
     */
    public static PolicyType type(String value) {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return PolicyPages.TYPES.stream().filter(type -> type.name().equals(name)).findFirst()
                .orElseThrow(() -> BatonException.notFound("Policy type", value));
    }

    private Map<PolicyType, PolicyState> states(UUID integrationId) {
        Map<PolicyType, PolicyState> states = new EnumMap<>(PolicyType.class);
        PolicyPages.TYPES.forEach(type -> states.put(type, PolicyState.unchecked(type)));
        policies.find(integrationId).stream().filter(state -> states.containsKey(state.type()))
                .forEach(state -> states.put(state.type(), state));
        return states;
    }

    private WooCommerceStore changeable(UUID accountId, UUID integrationId, PolicyType type) {
        StoreIntegration integration = integrations.get(accountId, integrationId);
        WooCommerceStore store = store(integration);
        if (!integration.connected()) {
            throw BatonException.conflict("The store " + integration.storeAddress() + " is disconnected: connect it "
                    + "again to choose where its " + PolicyState.label(type).toLowerCase(Locale.ROOT) + " comes from.");
        }
        return store;
    }

    /** Another account's integration, or one that is not WooCommerce, answers 404 like an unknown id. */
    private WooCommerceStore store(UUID accountId, UUID integrationId) {
        return store(integrations.get(accountId, integrationId));
    }

    private WooCommerceStore store(StoreIntegration integration) {
        if (integration.platform() != CatalogOrigin.WOOCOMMERCE) {
            throw BatonException.notFound("WooCommerce store", integration.id());
        }
        return stores.find(integration.id())
                .orElseThrow(() -> BatonException.notFound("WooCommerce store", integration.id()));
    }

    private StoreClient client(WooCommerceStore store) {
        return clients.forStore(store.address(), store.consumerKey(), store.consumerSecret());
    }

    /** A published page of the store, as the owner picks from them. */
    public record StorePage(long id, String title, String link, String slug) {
    }

    /** The store did not answer usably while the owner waited: 502, with the store's reason. */
    static final class StoreUnreachable extends BatonException {
        StoreUnreachable(StoreUnavailableException cause) {
            super(502, "Store unreachable", cause.getMessage());
            initCause(cause);
        }
    }
}
