package dev.baton.catalog.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.StoreIntegrations;
import dev.baton.shared.BatonException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Service
public class IntegrationService implements StoreIntegrations {

    private final IntegrationRepository integrations;
    private final SyncJobRepository jobs;
    private final SyncJobQueue queue;

    IntegrationService(IntegrationRepository integrations, SyncJobRepository jobs, SyncJobQueue queue) {
        this.integrations = integrations;
        this.jobs = jobs;
        this.queue = queue;
    }

    @Override
    @Transactional
    public StoreIntegration connect(UUID accountId, CatalogOrigin platform, String storeAddress) {
        try {
            return get(accountId, integrations.insertConnected(accountId, platform, storeAddress));
        } catch (DuplicateKeyException e) {
            throw BatonException.conflict("This account already has a store connected. Disconnect it first; "
                    + "one store per account keeps the agent's answers about one catalog.");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public StoreIntegration get(UUID accountId, UUID integrationId) {
        return integrations.find(accountId, integrationId)
                .orElseThrow(() -> BatonException.notFound("Integration", integrationId));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoreIntegration> connected(UUID accountId) {
        return integrations.findAll(accountId).stream().filter(StoreIntegration::connected).findFirst();
    }

    @Transactional(readOnly = true)
    public List<StoreIntegration> list(UUID accountId) {
        return integrations.findAll(accountId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoreIntegration> findConnected(CatalogOrigin platform, String storeAddress) {
        return integrations.findConnected(platform, storeAddress);
    }

    @Override
    @Transactional
    public void disconnect(UUID accountId, UUID integrationId) {
        get(accountId, integrationId);
        integrations.disconnect(integrationId);
    }

    @Override
    @Transactional
    public UUID startSync(UUID accountId, UUID integrationId) {
        StoreIntegration integration = get(accountId, integrationId);
        if (!integration.connected()) {
            throw BatonException.conflict("This store is disconnected; connect it again to sync.");
        }
        Optional<SyncJob> unfinished = jobs.findUnfinished(accountId);
        if (unfinished.isPresent()) {
            return unfinished.get().id();
        }
        // Two nodes asked at once both get here; the database lets only one of them queue a job.
        Optional<SyncJob> failed = jobs.findLatest(integrationId).filter(job -> job.status() == SyncJob.Status.FAILED);
        if (failed.isPresent()) {
            if (jobs.requeue(failed.get().id(), accountId)) {
                enqueueAfterCommit(failed.get().id());
            }
            return failed.get().id();
        }
        Optional<UUID> inserted = jobs.insertQueued(accountId, integrationId);
        if (inserted.isPresent()) {
            enqueueAfterCommit(inserted.get());
            return inserted.get();
        }
        return jobs.findUnfinished(accountId).or(() -> jobs.findLatest(integrationId)).map(SyncJob::id)
                .orElseThrow(() -> BatonException.conflict("Another sync of this store is starting; try again."));
    }

    @Transactional(readOnly = true)
    public SyncJob job(UUID accountId, UUID jobId) {
        return jobs.find(accountId, jobId).orElseThrow(() -> BatonException.notFound("Sync job", jobId));
    }

    @Transactional(readOnly = true)
    public Optional<SyncJob> latestJob(UUID integrationId) {
        return jobs.findLatest(integrationId);
    }

    /** The runner must find the job row, so it is handed over only once that row is committed. */
    private void enqueueAfterCommit(UUID jobId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queue.enqueue(jobId);
            }
        });
    }
}
