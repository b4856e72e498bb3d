package dev.baton.catalog.internal;

import dev.baton.catalog.StoreIntegration;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Webhooks get lost (WooCommerce never retries; Shopify does not guarantee order or delivery), so every connected
 * store is synced again on a schedule ({@code baton.catalog.reconciliation-interval}, hourly by default). Unchanged
 * items cost an API read and a hash comparison, never an embedding. JobRunr runs it on one node.
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final IntegrationRepository integrations;
    private final IntegrationService service;

    Reconciliation(IntegrationRepository integrations, IntegrationService service) {
        this.integrations = integrations;
        this.service = service;
    }

    @Recurring(id = "store-reconciliation", interval = "${baton.catalog.reconciliation-interval:PT1H}")
    public void reconcileAll() {
        for (StoreIntegration integration : integrations.findAllConnected()) {
            try {
                service.startSync(integration.accountId(), integration.id());
            } catch (RuntimeException e) {
                log.warn("Could not start the reconciliation of {}: {}", integration.storeAddress(), e.getMessage());
            }
        }
    }
}
