package dev.baton.pipeline.internal;

import dev.baton.account.AccountCreated;
import dev.baton.pipeline.Lead;
import dev.baton.pipeline.LeadNote;
import dev.baton.pipeline.LeadStageChanged;
import dev.baton.pipeline.Leads;
import dev.baton.pipeline.PipelineStages;
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
import java.util.Map;
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
    static final List<StageChanges> DEFAULT_STAGES = List.of(
            new StageChanges("New inquiry", null, StageKind.OPEN, null, null),
            new StageChanges("Qualified", null, StageKind.OPEN, null, null),
            new StageChanges("Won", null, StageKind.WON, null, null),
            new StageChanges("Lost", null, StageKind.LOST, null, null));
    static final int MAX_LEAD_NAME = 200;
    static final int MAX_PAGE_SIZE = 200;

    private final PipelineRepository pipelines;
    private final LeadRepository leads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PipelineService(PipelineRepository pipelines, LeadRepository leads, ApplicationEventPublisher events, Clock clock) {
        this.pipelines = pipelines;
        this.leads = leads;
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
        Optional<Lead> open = leads.openLeadOf(accountId, contactId);
        if (open.isPresent()) {
            return open.get();
        }
        Stage first = firstOpenStage(accountId, firstPipeline(accountId));
        String name = contactName == null || contactName.isBlank() ? "New inquiry" : contactName;
        Lead lead = new Lead(UUID.randomUUID(), accountId, first.pipelineId(), first.id(), contactId, name, null,
                clock.instant());
        leads.insert(lead);
        return lead;
    }

    /** A lead made by hand or by a host CRM, in the stage asked for, else where {@link NewLead} says. */
    @Transactional
    public Lead create(UUID accountId, NewLead request) {
        if (request.name() == null || request.name().isBlank()) {
            throw BatonException.badRequest("Give the lead a 'name'.");
        }
        String name = request.name().strip();
        if (name.length() > MAX_LEAD_NAME) {
            throw BatonException.badRequest("The lead name has " + name.length() + " characters; the limit is "
                    + MAX_LEAD_NAME + ".");
        }
        Stage stage;
        if (request.stageId() != null) {
            stage = pipelines.stage(accountId, request.stageId())
                    .orElseThrow(() -> BatonException.notFound("Stage", request.stageId()));
            if (request.pipelineId() != null && !request.pipelineId().equals(stage.pipelineId())) {
                throw BatonException.badRequest("Stage '" + stage.name() + "' is not in pipeline " + request.pipelineId()
                        + ": leave out 'pipelineId', or pick one of its stages.");
            }
        } else if (request.pipelineId() != null) {
            pipelines.pipeline(accountId, request.pipelineId())
                    .orElseThrow(() -> BatonException.notFound("Pipeline", request.pipelineId()));
            stage = firstOpenStage(accountId, request.pipelineId());
        } else {
            stage = firstOpenStage(accountId, firstPipeline(accountId));
        }
        Lead lead = new Lead(UUID.randomUUID(), accountId, stage.pipelineId(), stage.id(), request.contactId(), name,
                request.responsibleUserId(), clock.instant());
        leads.insert(lead);
        return lead;
    }

    /** A page of the account's leads, newest first; a pipeline or stage to filter by must be the account's. */
    @Transactional(readOnly = true)
    public LeadPage leads(UUID accountId, UUID pipelineId, UUID stageId, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw BatonException.badRequest("'page' starts at 0 and 'size' is between 1 and " + MAX_PAGE_SIZE + ".");
        }
        if (pipelineId != null && pipelines.pipeline(accountId, pipelineId).isEmpty()) {
            throw BatonException.notFound("Pipeline", pipelineId);
        }
        if (stageId != null && pipelines.stage(accountId, stageId).isEmpty()) {
            throw BatonException.notFound("Stage", stageId);
        }
        return new LeadPage(leads.page(accountId, pipelineId, stageId, (long) page * size, size), page, size,
                leads.count(accountId, pipelineId, stageId));
    }

    /** How many leads each stage of the pipeline holds (a stage without leads is missing). */
    @Transactional(readOnly = true)
    public Map<UUID, Long> leadCounts(UUID accountId, UUID pipelineId) {
        return leads.countsByStage(accountId, pipelineId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Lead> find(UUID accountId, UUID leadId) {
        return leads.find(accountId, leadId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Stage> stage(UUID accountId, UUID stageId) {
        return pipelines.stage(accountId, stageId);
    }

    @Override
    @Transactional
    public List<PipelineStages> pipelines(UUID accountId) {
        firstPipeline(accountId);
        return pipelines.pipelines(accountId).stream()
                .map(row -> new PipelineStages(row.id(), row.name(), pipelines.stages(accountId, row.id()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean agentTriggered(UUID accountId, UUID leadId) {
        return leads.find(accountId, leadId).flatMap(lead -> pipelines.stage(accountId, lead.stageId()))
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
        Lead lead = leads.find(accountId, leadId).orElseThrow(() -> BatonException.notFound("Lead", leadId));
        if (stageId == null) {
            throw BatonException.badRequest("Say where the lead goes: 'stageId' is one of the account's stages.");
        }
        Stage stage = pipelines.stage(accountId, stageId).orElseThrow(() -> BatonException.notFound("Stage", stageId));
        if (!stage.id().equals(lead.stageId())) {
            leads.move(accountId, leadId, stage.pipelineId(), stage.id());
            events.publishEvent(new LeadStageChanged(accountId, leadId, lead.stageId(), stage.id()));
        }
        return leads.find(accountId, leadId).orElseThrow();
    }

    @Override
    @Transactional
    public Lead moveTo(UUID accountId, UUID leadId, UUID stageId) {
        return moveLead(accountId, leadId, stageId);
    }

    @Override
    @Transactional
    public void assign(UUID accountId, UUID leadId, UUID userId) {
        if (!leads.assign(accountId, leadId, userId)) {
            throw BatonException.notFound("Lead", leadId);
        }
    }

    @Override
    @Transactional
    public void addNote(UUID accountId, UUID leadId, String author, String text) {
        leads.find(accountId, leadId).orElseThrow(() -> BatonException.notFound("Lead", leadId));
        leads.addNote(accountId, leadId, author, text);
    }

    @Override
    @Transactional(readOnly = true)
    public List<LeadNote> notes(UUID accountId, UUID leadId) {
        return leads.notes(accountId, leadId);
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

    private Stage firstOpenStage(UUID accountId, UUID pipelineId) {
        return pipelines.stages(accountId, pipelineId).stream().filter(stage -> stage.kind() == StageKind.OPEN)
                .findFirst().orElseThrow(() -> BatonException.conflict("The pipeline has no open stage for new leads."));
    }

    private UUID createDefault(UUID accountId, boolean aiOnFirstStage) {
        UUID pipelineId = UUID.randomUUID();
        pipelines.insertPipeline(accountId, pipelineId, DEFAULT_PIPELINE, 0);
        for (int position = 0; position < DEFAULT_STAGES.size(); position++) {
            StageChanges stage = DEFAULT_STAGES.get(position);
            pipelines.insertStage(accountId, pipelineId, UUID.randomUUID(), stage.name(), position, stage.kind(),
                    aiOnFirstStage && position == 0, List.of());
        }
        return pipelineId;
    }
}
