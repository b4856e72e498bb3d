package dev.baton.catalog.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Order;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.StorePlatform;
import dev.baton.catalog.StoreUnavailableException;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one full sync, phase by phase, saving the phase and page cursor after every page: a run that is stopped
 * (restart, node lost, store down) continues where it was. Products a finished sync did not see are removed.
 */
@Component
public class SyncJobRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncJobRunner.class);

    private final SyncJobRepository jobs;
    private final IntegrationRepository integrations;
    private final CatalogService catalog;
    private final Map<CatalogOrigin, StorePlatform> platforms = new EnumMap<>(CatalogOrigin.class);

    SyncJobRunner(SyncJobRepository jobs, IntegrationRepository integrations, CatalogService catalog,
            List<StorePlatform> platforms) {
        this.jobs = jobs;
        this.integrations = integrations;
        this.catalog = catalog;
        platforms.forEach(platform -> this.platforms.put(platform.platform(), platform));
    }

    /**
     * Failures are recorded on the sync job, not thrown, so JobRunr's retries serve one case only: a node that died
     * in the middle of a sync. JobRunr notices its heartbeat stopped, fails the job as orphaned and runs it again on
     * a live node, which continues from the saved phase and cursor.
     */
    @Job(name = "Store sync %0", retries = 3)
    public void run(UUID jobId) {
        SyncJob job = jobs.find(jobId).orElse(null);
        if (job == null || job.status().finished()) {
            return;
        }
        StoreIntegration integration = integrations.find(job.integrationId()).orElseThrow();
        jobs.markRunning(jobId);
        try {
            runPhases(job, integration);
            jobs.markSucceeded(jobId);
            integrations.markSynced(integration.id());
            log.info("Sync {} of {} succeeded", jobId, integration.storeAddress());
        } catch (StoreUnavailableException e) {
            log.warn("Sync {} of {} failed: {}", jobId, integration.storeAddress(), e.getMessage());
            jobs.markFailed(jobId, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Sync {} of {} failed", jobId, integration.storeAddress(), e);
            jobs.markFailed(jobId, "Unexpected error: " + e.getMessage());
        }
    }

    private void runPhases(SyncJob job, StoreIntegration integration) {
        StorePlatform platform = platforms.get(integration.platform());
        if (platform == null) {
            throw new StoreUnavailableException("No adapter for " + integration.platform() + " stores");
        }
        UUID accountId = integration.accountId();
        CatalogOrigin origin = integration.platform();
        String cursor = job.cursor() == null ? "" : job.cursor();
        switch (job.phase()) {
            case STORE:
                catalog.updateStore(accountId, origin, platform.store(integration.id()));
                jobs.setTotal(job.id(), platform.countItems(integration.id()));
                jobs.moveTo(job.id(), SyncJob.Phase.PRODUCTS);
                cursor = "";
                // fall through: each phase continues into the next
            case PRODUCTS:
                platform.products(integration.id(), cursor, page -> {
                    catalog.upsertProducts(accountId, origin, page.items(), job.createdAt());
                    jobs.pageDone(job.id(), page.nextCursor(), page.items().size());
                });
                jobs.moveTo(job.id(), SyncJob.Phase.CLEANUP);
                // fall through
            case CLEANUP:
                catalog.removeProductsNotSyncedSince(accountId, origin, job.createdAt());
                jobs.moveTo(job.id(), SyncJob.Phase.POLICIES);
                // fall through
            case POLICIES:
                catalog.replacePolicies(accountId, origin, platform.policies(integration.id()));
                jobs.moveTo(job.id(), SyncJob.Phase.ORDERS);
                cursor = "";
                // fall through
            case ORDERS:
                do {
                    StorePlatform.Page<Order> page = platform.orders(integration.id(), cursor);
                    catalog.upsertOrders(accountId, origin, page.items());
                    jobs.pageDone(job.id(), page.nextCursor(), page.items().size());
                    cursor = page.nextCursor();
                } while (!cursor.isEmpty());
                jobs.moveTo(job.id(), SyncJob.Phase.DONE);
                // fall through
            case DONE:
                break;
        }
    }
}
