package dev.baton.woocommerce.internal;

import dev.baton.catalog.StoreIntegrations;
import dev.baton.shared.BatonException;
import dev.baton.woocommerce.internal.WooCommerceWebhookSetup.Status;
import dev.baton.woocommerce.internal.payload.WcWebhook;
import dev.baton.woocommerce.internal.payload.WcWebhookChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Makes sure a store sends Baton its product and order changes: one active webhook per topic to
 * {@code {baton.public-url}/webhooks/woocommerce/{integrationId}}, signed with the store's secret. Idempotent, so it
 * runs after every connect and again from the reconciliation: missing webhooks are created, paused or disabled ones
 * (WooCommerce disables a webhook after repeated failed deliveries) re-activated. WooCommerce never lists a webhook's
 * secret, so a webhook re-activated, or any of them after deliveries failed their signature check, is given the
 * store's secret again (see decision 38).
 */
@Service
public class WooCommerceWebhooks {

    private static final Logger log = LoggerFactory.getLogger(WooCommerceWebhooks.class);
    static final String WEBHOOK_PATH = "/webhooks/woocommerce/";
    static final List<String> TOPICS = List.of("product.created", "product.updated", "product.deleted",
            "product.restored", "order.created", "order.updated");

    private final WooCommerceStoreRepository stores;
    private final WooCommerceClients clients;
    private final StoreIntegrations integrations;
    private final String publicUrl;

    /** {@code baton.public-url}: where WooCommerce reaches this deployment (shared with Shopify); empty: not set up. */
    WooCommerceWebhooks(WooCommerceStoreRepository stores, WooCommerceClients clients, StoreIntegrations integrations,
            @Value("${baton.public-url:}") String publicUrl) {
        this.stores = stores;
        this.clients = clients;
        this.integrations = integrations;
        this.publicUrl = base(publicUrl);
    }

    /** Runs once the connect committed, off the request; the registry retries it after a crash. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WooCommerceStoreConnected event) {
        ensure(event.integrationId());
    }

    /**
     * Creates or repairs the store's webhooks, records the outcome for the store card and answers it. Never throws
     * for what the store says: a refusal is in the outcome. No transaction is held while the store is called.
     */
    public WooCommerceWebhookSetup ensure(UUID integrationId) {
        Optional<WooCommerceStore> found = stores.find(integrationId);
        if (found.isEmpty()) {
            return new WooCommerceWebhookSetup(Status.NOT_SET_UP, "No WooCommerce store is connected as integration "
                    + integrationId + ".");
        }
        WooCommerceStore store = found.get();
        WooCommerceWebhookSetup setup = setUp(store);
        stores.recordWebhookSetup(integrationId, setup);
        log.info("Webhooks of {}: {} - {}", store.address().url(), setup.status(), setup.message());
        return setup;
    }

    /** Baton's delivery address for this store; empty without {@code baton.public-url}. */
    public Optional<String> deliveryUrl(UUID integrationId) {
        return publicUrl.isEmpty() ? Optional.empty() : Optional.of(publicUrl + WEBHOOK_PATH + integrationId);
    }

    /**
     * What the owner needs to add the webhooks by hand (keys that may only read): the last outcome, the address, the
     * topics and the secret. Another account's store, or none: 404.
     */
    public Details details(UUID accountId, UUID integrationId) {
        WooCommerceStore store = stores.find(integrationId).filter(s -> s.accountId().equals(accountId))
                .orElseThrow(() -> BatonException.notFound("WooCommerce store", integrationId));
        WooCommerceWebhookSetup setup = stores.findWebhookSetup(integrationId)
                .map(WooCommerceStoreRepository.RecordedSetup::setup)
                .orElse(null);
        return new Details(setup == null ? "PENDING" : setup.status().name(),
                setup == null ? "Baton is setting up the store's webhooks." : setup.message(),
                deliveryUrl(store.integrationId()).orElse(""), TOPICS, secret(store.integrationId()));
    }

    /** {@code status}: a {@link WooCommerceWebhookSetup.Status}, or PENDING before the first set-up ends. */
    public record Details(String status, String message, String deliveryUrl, List<String> topics, String secret) {

        @Override
        public String toString() {
            return "Details[" + status + ", " + deliveryUrl + "]";
        }
    }

    private WooCommerceWebhookSetup setUp(WooCommerceStore store) {
        if (!integrations.get(store.accountId(), store.integrationId()).connected()) {
            return new WooCommerceWebhookSetup(Status.NOT_SET_UP, "The store is disconnected; its webhooks are left "
                    + "as they are.");
        }
        Optional<String> url = deliveryUrl(store.integrationId());
        if (url.isEmpty()) {
            return new WooCommerceWebhookSetup(Status.NOT_SET_UP, "Webhooks are not set up: Baton does not know its "
                    + "public address (baton.public-url), so it cannot tell WooCommerce where to send them. "
                    + WooCommerceWebhookSetup.UNTIL_THEN);
        }
        String secret = secret(store.integrationId());
        boolean rewriteSecrets = stores.findWebhookSetup(store.integrationId())
                .map(WooCommerceStoreRepository.RecordedSetup::signatureRefusedSinceCheck).orElse(false);
        StoreClient client = clients.forStore(store.address(), store.consumerKey(), store.consumerSecret());
        Plan plan;
        try {
            plan = Plan.of(client.webhooks().stream().filter(w -> url.get().equals(w.deliveryUrl())).toList(),
                    rewriteSecrets);
        } catch (RuntimeException e) {
            return failed("the store's webhooks could not be listed: " + reason(e));
        }
        try {
            plan.missing().forEach(topic -> client.createWebhook(WcWebhookChange.create("Baton: " + topic, topic,
                    url.get(), secret)));
            plan.toActivate().forEach(webhook -> client.updateWebhook(webhook.id(), WcWebhookChange.activate(secret)));
            plan.toResign().forEach(webhook -> client.updateWebhook(webhook.id(),
                    new WcWebhookChange(null, null, null, secret, null)));
        } catch (RetryingCalls.KeysRefused e) {
            return ownerActionNeeded(store.integrationId(), url.get(), plan, e.getCause()
                    instanceof RetryingCalls.HttpFailure failure ? "WooCommerce refused to create or change webhooks "
                    + "with the store's keys (HTTP " + failure.status + failure.said() + ")." : reason(e));
        } catch (RuntimeException e) {
            return failed(reason(e));
        }
        return new WooCommerceWebhookSetup(Status.REGISTERED, "Webhooks are set up: WooCommerce sends product and "
                + "order changes to " + url.get() + " (" + plan.missing().size() + " created, "
                + plan.toActivate().size() + " re-activated, "
                + (TOPICS.size() - plan.missing().size() - plan.toActivate().size()) + " already active).");
    }

    /** The store's secret; one made now for a store connected before webhooks had secrets. */
    private String secret(UUID integrationId) {
        return stores.findWebhookSecret(integrationId).orElseGet(() -> {
            String secret = WebhookSignatures.newSecret();
            stores.saveWebhookSecret(integrationId, secret);
            return secret;
        });
    }

    /**
     * Keys with Read permission (what the one-click connection asks for) may list webhooks but not create or change
     * them: WooCommerce answers 401 "The API key provided does not have write permissions." The owner can do it.
     */
    private static WooCommerceWebhookSetup ownerActionNeeded(UUID integrationId, String url, Plan plan,
            String refusal) {
        List<String> steps = new ArrayList<>();
        if (!plan.missing().isEmpty()) {
            steps.add("add a webhook for each of " + String.join(", ", plan.missing()) + " (status Active, delivery "
                    + "URL " + url + ", API version WP REST API Integration v3, and the secret shown by GET "
                    + "/api/v1/integrations/woocommerce/" + integrationId + "/webhooks)");
        }
        if (!plan.toActivate().isEmpty()) {
            steps.add("set the status of " + plan.toActivate().stream().map(WcWebhook::topic)
                    .collect(Collectors.joining(", ")) + " back to Active");
        }
        if (!plan.toResign().isEmpty()) {
            steps.add("enter the secret shown by GET /api/v1/integrations/woocommerce/" + integrationId
                    + "/webhooks in Baton's webhooks (deliveries with another secret are refused)");
        }
        return new WooCommerceWebhookSetup(Status.OWNER_ACTION_NEEDED, "Baton could not set up its webhooks: "
                + refusal + " The store's keys may only read. In WooCommerce > Settings > Advanced > Webhooks, "
                + String.join("; and ", steps) + ". Or connect the store again with Read/Write keys. The store is "
                + "connected and syncs. " + WooCommerceWebhookSetup.UNTIL_THEN);
    }

    private static WooCommerceWebhookSetup failed(String reason) {
        return new WooCommerceWebhookSetup(Status.FAILED, "Webhooks are not fully set up: " + reason + " The store "
                + "is connected and syncs; the next reconciliation tries again. " + WooCommerceWebhookSetup.UNTIL_THEN);
    }

    private static String reason(RuntimeException e) {
        // The messages name the store and what it answered, never the keys or the secret.
        return Objects.toString(e.getMessage(), e.getClass().getSimpleName());
    }

    private static String base(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return "";
        }
        String base = publicUrl.strip().replaceAll("/+$", "");
        if (!base.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalStateException("baton.public-url must be an absolute address such as "
                    + "https://baton.example.com, not '" + publicUrl + "'");
        }
        return base;
    }

    /**
     * What to change, from the webhooks already sending to Baton's address: per topic, one active webhook is enough
     * (a second one's deliveries are deduplicated); with none active, the first is re-activated.
     */
    record Plan(List<String> missing, List<WcWebhook> toActivate, List<WcWebhook> toResign) {

        static Plan of(List<WcWebhook> ours, boolean rewriteSecrets) {
            Map<String, List<WcWebhook>> byTopic = ours.stream().collect(Collectors.groupingBy(WcWebhook::topic));
            List<String> missing = new ArrayList<>();
            List<WcWebhook> toActivate = new ArrayList<>();
            List<WcWebhook> toResign = new ArrayList<>();
            for (String topic : TOPICS) {
                List<WcWebhook> webhooks = byTopic.getOrDefault(topic, List.of());
                List<WcWebhook> active = webhooks.stream().filter(w -> "active".equals(w.status())).toList();
                if (webhooks.isEmpty()) {
                    missing.add(topic);
                } else if (active.isEmpty()) {
                    toActivate.add(webhooks.get(0));
                } else if (rewriteSecrets) {
                    toResign.addAll(active);
                }
            }
            return new Plan(missing, toActivate, toResign);
        }
    }
}
