package dev.baton.pipeline.web;

import dev.baton.account.CurrentAccount;
import dev.baton.pipeline.Lead;
import dev.baton.pipeline.internal.LeadPage;
import dev.baton.pipeline.internal.NewLead;
import dev.baton.pipeline.internal.PipelineService;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Leads in the stages of the pipelines: list, create, read, and move to another stage. */
@Tag(name = "Leads", description = "Leads and the stage each one is in")
@RestController
@RequestMapping("/api/v1/leads")
class LeadApiController {

    private final PipelineService pipelines;
    private final CurrentAccount account;

    LeadApiController(PipelineService pipelines, CurrentAccount account) {
        this.pipelines = pipelines;
        this.account = account;
    }

    record LeadRequest(String name, UUID pipelineId, UUID stageId, UUID contactId, UUID responsibleUserId) {
    }

    record MoveRequest(UUID stageId) {
    }

    record LeadView(UUID id, UUID pipelineId, UUID stageId, UUID contactId, String name, UUID responsibleUserId,
            Instant createdAt) {

        static LeadView of(Lead lead) {
            return new LeadView(lead.id(), lead.pipelineId(), lead.stageId(), lead.contactId(), lead.name(),
                    lead.responsibleUserId(), lead.createdAt());
        }
    }

    record LeadPageView(List<LeadView> leads, int page, int size, long total) {
    }

    @Operation(summary = "The account's leads, newest first, filtered by pipelineId and stageId; paged (size 1..200)")
    @GetMapping
    LeadPageView list(@RequestParam(required = false) UUID pipelineId, @RequestParam(required = false) UUID stageId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        LeadPage found = pipelines.leads(account.id(), pipelineId, stageId, page, size);
        return new LeadPageView(found.leads().stream().map(LeadView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @Operation(summary = "A new lead: {name, pipelineId?, stageId?, contactId?, responsibleUserId?}; without a stage "
            + "it starts in the first open stage of the pipeline (or of the first pipeline)")
    @PostMapping
    ResponseEntity<LeadView> create(@RequestBody LeadRequest request) {
        if (request == null) {
            throw BatonException.badRequest("Send {\"name\", \"pipelineId\", \"stageId\", \"contactId\", "
                    + "\"responsibleUserId\"}; only the name is needed.");
        }
        Lead lead = pipelines.create(account.id(), new NewLead(request.name(), request.pipelineId(), request.stageId(),
                request.contactId(), request.responsibleUserId()));
        return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id())).body(LeadView.of(lead));
    }

    @Operation(summary = "One lead")
    @GetMapping("/{id}")
    LeadView get(@PathVariable UUID id) {
        return pipelines.find(account.id(), id).map(LeadView::of).orElseThrow(() -> BatonException.notFound("Lead", id));
    }

    @Operation(summary = "Move a lead to a stage: {stageId}, of any of the account's pipelines")
    @PostMapping("/{id}/stage")
    LeadView move(@PathVariable UUID id, @RequestBody(required = false) MoveRequest request) {
        return LeadView.of(pipelines.moveLead(account.id(), id, request == null ? null : request.stageId()));
    }
}
