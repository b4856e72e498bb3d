package dev.baton.pipeline.internal;

import dev.baton.account.AccountCreated;
import dev.baton.pipeline.Lead;
import dev.baton.pipeline.LeadStageChanged;
import dev.baton.pipeline.Leads;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.StageKind;
import dev.baton.shared.BatonException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pipelines, stages and leads. Every account gets a default pipeline (New inquiry, Qualified, Won, Lost) when it
 * first needs one; an account created with the demo store gets it at once, with the AI agent trigger on its first
 * stage.
 */
@Service
public class PipelineService implements Leads {

    static final String DEFAULT_PIPELINE = "Sales";

    private final PipelineRepository pipelines;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PipelineService(PipelineRepository pipelines, ApplicationEventPublisher events, Clock clock) {
        this.pipelines = pipelines;
        this.events = events;
        this.clock = clock;
    }

    /** In the account's transaction: the demo account never exists without its pipeline. */
    @EventListener
    void on(AccountCreated event) {
        if (event.withDemoStore() && pipelines.pipelines(event.accountId()).isEmpty()) {
            createDefault(event.accountId(), true);
        }
    }

    @Override
    @Transactional
    public Lead openLeadFor(UUID accountId, UUID contactId, String contactName) {
        Optional<Lead> open = pipelines.openLeadOf(accountId, contactId);
        if (open.isPresent()) {
            return open.get();
        }
        UUID pipelineId = firstPipeline(accountId);
        Stage first = pipelines.stages(accountId, pipelineId).stream().filter(stage -> stage.kind() == StageKind.OPEN)
                .findFirst().orElseThrow(() -> BatonException.conflict("The pipeline has no open stage for new leads."));
        String name = contactName == null || contactName.isBlank() ? "New inquiry" : contactName;
        Lead lead = new Lead(UUID.randomUUID(), accountId, pipelineId, first.id(), contactId, name, null, clock.instant());
        pipelines.insertLead(lead);
        return lead;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Lead> find(UUID accountId, UUID leadId) {
        return pipelines.lead(accountId, leadId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Stage> stage(UUID accountId, UUID stageId) {
        return pipelines.stage(accountId, stageId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean agentTriggered(UUID accountId, UUID leadId) {
        return pipelines.lead(accountId, leadId).flatMap(lead -> pipelines.stage(accountId, lead.stageId()))
                .map(Stage::aiTrigger).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public Duration cooldown(UUID accountId) {
        return Duration.ofSeconds(pipelines.cooldownSeconds(accountId));
    }

    /** The account's first pipeline, created with the default stages (no AI trigger) if it has none. */
    @Transactional
    public UUID firstPipeline(UUID accountId) {
        List<PipelineRepository.PipelineRow> existing = pipelines.pipelines(accountId);
        if (!existing.isEmpty()) {
            return existing.get(0).id();
        }
        pipelines.lockAccount(accountId);
        existing = pipelines.pipelines(accountId);
        return existing.isEmpty() ? createDefault(accountId, false) : existing.get(0).id();
    }

    /** Moves a lead to a stage of any of the account's pipelines. */
    @Transactional
    public Lead moveLead(UUID accountId, UUID leadId, UUID stageId) {
        Lead lead = pipelines.lead(accountId, leadId).orElseThrow(() -> BatonException.notFound("Lead", leadId));
        Stage stage = pipelines.stage(accountId, stageId).orElseThrow(() -> BatonException.notFound("Stage", stageId));
        if (!stage.id().equals(lead.stageId())) {
            pipelines.moveLead(accountId, leadId, stage.pipelineId(), stage.id());
            events.publishEvent(new LeadStageChanged(accountId, leadId, lead.stageId(), stage.id()));
        }
        return pipelines.lead(accountId, leadId).orElseThrow();
    }

    @Transactional
    public void setAiTrigger(UUID accountId, UUID stageId, boolean on) {
        if (!pipelines.setAiTrigger(accountId, stageId, on)) {
            throw BatonException.notFound("Stage", stageId);
        }
    }

    @Transactional
    public void setCooldown(UUID accountId, Duration cooldown) {
        if (cooldown.isNegative() || cooldown.compareTo(Duration.ofDays(7)) > 0) {
            throw BatonException.badRequest("The cooldown must be between 0 seconds and 7 days.");
        }
        pipelines.saveCooldownSeconds(accountId, (int) cooldown.toSeconds());
    }

    private UUID createDefault(UUID accountId, boolean aiOnFirstStage) {
        UUID pipelineId = UUID.randomUUID();
        pipelines.insertPipeline(accountId, pipelineId, DEFAULT_PIPELINE, 0);
        pipelines.insertStage(accountId, pipelineId, UUID.randomUUID(), "New inquiry", 0, StageKind.OPEN, aiOnFirstStage, List.of());
        pipelines.insertStage(accountId, pipelineId, UUID.randomUUID(), "Qualified", 1, StageKind.OPEN, false, List.of());
        pipelines.insertStage(accountId, pipelineId, UUID.randomUUID(), "Won", 2, StageKind.WON, false, List.of());
        pipelines.insertStage(accountId, pipelineId, UUID.randomUUID(), "Lost", 3, StageKind.LOST, false, List.of());
        return pipelineId;
    }
}
