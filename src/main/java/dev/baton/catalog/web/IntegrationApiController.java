package dev.baton.catalog.web;

import dev.baton.account.CurrentAccount;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.internal.IntegrationService;
import dev.baton.catalog.internal.SyncJob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Tag(name = "Integrations", description = "Connected stores and their syncs")
@RestController
@RequestMapping("/api/v1")
class IntegrationApiController {

    private final IntegrationService integrations;
    private final CurrentAccount account;

    IntegrationApiController(IntegrationService integrations, CurrentAccount account) {
        this.integrations = integrations;
        this.account = account;
    }

    @GetMapping("/integrations")
    List<IntegrationView> list() {
        return integrations.list(account.id()).stream().map(IntegrationView::of).toList();
    }

    @GetMapping("/integrations/{id}")
    IntegrationView get(@PathVariable UUID id) {
        return IntegrationView.of(integrations.get(account.id(), id));
    }

    @Operation(summary = "Disconnect a store: Baton stops using its credentials; synced data stays until deleted")
    @DeleteMapping("/integrations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(@PathVariable UUID id) {
        integrations.disconnect(account.id(), id);
    }

    @Operation(summary = "Start a full sync (or resume the last one if it failed)")
    @PostMapping("/integrations/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SyncStarted sync(@PathVariable UUID id) {
        return new SyncStarted(integrations.startSync(account.id(), id));
    }

    @Operation(summary = "A sync job's status and progress")
    @GetMapping("/sync-jobs/{jobId}")
    SyncJobView job(@PathVariable UUID jobId) {
        return SyncJobView.of(integrations.job(account.id(), jobId));
    }

    record SyncStarted(UUID jobId) {
    }

    record IntegrationView(UUID id, CatalogOrigin platform, String store, boolean connected,
            OffsetDateTime connectedAt, OffsetDateTime lastSyncedAt) {

        static IntegrationView of(StoreIntegration integration) {
            return new IntegrationView(integration.id(), integration.platform(), integration.storeAddress(),
                    integration.connected(), integration.connectedAt(), integration.lastSyncedAt());
        }
    }

    record SyncJobView(UUID jobId, String status, String phase, int total, int done, int failed,
            OffsetDateTime startedAt, OffsetDateTime finishedAt, String error) {

        static SyncJobView of(SyncJob job) {
            // QUEUED is reported as RUNNING: to the caller the sync has started; the phase says it has not read yet.
            String status = job.status() == SyncJob.Status.QUEUED ? "RUNNING" : job.status().name();
            return new SyncJobView(job.id(), status, job.phase().name(), job.total(), job.done(), job.failed(),
                    job.startedAt(), job.finishedAt(), job.error());
        }
    }
}
