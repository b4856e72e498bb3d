package dev.baton.catalog.internal;

import org.jobrunr.jobs.annotations.Recurring;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Hands sync jobs to JobRunr, which runs them on one node, survives restarts, and re-runs the job of a node that
 * died. The scheduler's job id is derived from the sync job and its attempt, so handing the same job over twice
 * creates it once: the sweep below may safely re-enqueue every queued job.
 */
@Component
public class SyncJobQueue {

    private final JobScheduler scheduler;
    private final SyncJobRepository jobs;

    SyncJobQueue(JobScheduler scheduler, SyncJobRepository jobs) {
        this.scheduler = scheduler;
        this.jobs = jobs;
    }

    void enqueue(UUID syncJobId) {
        jobs.find(syncJobId).ifPresent(this::enqueue);
    }

    private void enqueue(SyncJob job) {
        UUID schedulerId = UUID.nameUUIDFromBytes((job.id() + "#" + job.attempt()).getBytes(StandardCharsets.UTF_8));
        UUID syncJobId = job.id();
        scheduler.<SyncJobRunner>enqueue(schedulerId, runner -> runner.run(syncJobId));
    }

    /** A job committed as queued whose hand-over was lost (the node stopped right after the commit) still runs. */
    @Recurring(id = "sync-job-sweep", interval = "PT2M")
    public void sweepQueued() {
        jobs.findQueued().forEach(this::enqueue);
    }
}
