package dev.baton.pipeline.web;

import dev.baton.account.CurrentAccount;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.StageKind;
import dev.baton.pipeline.internal.Pipeline;
import dev.baton.pipeline.internal.PipelineEditor;
import dev.baton.pipeline.internal.StageChanges;
import dev.baton.pipeline.internal.StageEdit;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Pipelines and their stages: the AI agent trigger and the other automations are set per stage. */
@Tag(name = "Pipelines", description = "Pipelines, their stages, and where the AI agent trigger is on")
@RestController
@RequestMapping("/api/v1/pipelines")
class PipelineApiController {

    private final PipelineEditor pipelines;
    private final CurrentAccount account;

    PipelineApiController(PipelineEditor pipelines, CurrentAccount account) {
        this.pipelines = pipelines;
        this.account = account;
    }

    record PipelineRequest(String name, List<StageRequest> stages) {
    }

    record StageRequest(String name, Integer position, StageKind kind, Boolean aiTrigger, List<String> automations) {

        StageChanges changes() {
            return new StageChanges(name, position, kind, aiTrigger, automations);
        }
    }

    record PipelineView(UUID id, String name, int position, List<StageView> stages) {

        static PipelineView of(Pipeline pipeline) {
            return new PipelineView(pipeline.id(), pipeline.name(), pipeline.position(),
                    pipeline.stages().stream().map(StageView::of).toList());
        }
    }

    record StageView(UUID id, UUID pipelineId, String name, int position, StageKind kind, boolean aiTrigger,
            List<String> automations, boolean conflict) {

        static StageView of(Stage stage) {
            return new StageView(stage.id(), stage.pipelineId(), stage.name(), stage.position(), stage.kind(),
                    stage.aiTrigger(), stage.automations(), stage.conflicting());
        }
    }

    record StageEditView(UUID id, UUID pipelineId, String name, int position, StageKind kind, boolean aiTrigger,
            List<String> automations, boolean conflict, List<String> warnings) {

        static StageEditView of(StageEdit edit) {
            StageView stage = StageView.of(edit.stage());
            return new StageEditView(stage.id(), stage.pipelineId(), stage.name(), stage.position(), stage.kind(),
                    stage.aiTrigger(), stage.automations(), stage.conflict(), edit.warnings());
        }
    }

    @Operation(summary = "The account's pipelines with their stages (the default pipeline is created if there is none)")
    @GetMapping
    List<PipelineView> list() {
        return pipelines.list(account.id()).stream().map(PipelineView::of).toList();
    }

    @Operation(summary = "A new pipeline: {name, stages?: [{name, kind, aiTrigger, automations}]}; "
            + "without stages it gets New inquiry, Qualified, Won and Lost")
    @PostMapping
    ResponseEntity<PipelineView> create(@RequestBody PipelineRequest request) {
        PipelineRequest body = required(request);
        Pipeline created = pipelines.create(account.id(), body.name(),
                body.stages() == null ? List.of() : body.stages().stream().map(StageRequest::changes).toList());
        return ResponseEntity.created(URI.create("/api/v1/pipelines/" + created.id())).body(PipelineView.of(created));
    }

    @Operation(summary = "One pipeline with its stages")
    @GetMapping("/{id}")
    PipelineView get(@PathVariable UUID id) {
        return PipelineView.of(pipelines.get(account.id(), id));
    }

    @Operation(summary = "Rename a pipeline: {name}")
    @PatchMapping("/{id}")
    PipelineView rename(@PathVariable UUID id, @RequestBody PipelineRequest request) {
        return PipelineView.of(pipelines.rename(account.id(), id, required(request).name()));
    }

    @Operation(summary = "Delete a pipeline with its stages; 409 while it still has leads or is the only one")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        pipelines.delete(account.id(), id);
    }

    @Operation(summary = "Add a stage: {name, kind?, position?, aiTrigger?, automations?}; "
            + "'warnings' names a conflict between the AI agent trigger and another automation")
    @PostMapping("/{id}/stages")
    ResponseEntity<StageEditView> addStage(@PathVariable UUID id, @RequestBody StageRequest request) {
        StageEdit added = pipelines.addStage(account.id(), id, required(request).changes());
        return ResponseEntity.created(URI.create("/api/v1/pipelines/" + id + "/stages/" + added.stage().id()))
                .body(StageEditView.of(added));
    }

    @Operation(summary = "Change a stage: name, position (reorder, 0 first), kind, aiTrigger, automations; "
            + "a change that makes the trigger and another automation meet is saved, with 'warnings'")
    @PatchMapping("/{id}/stages/{stageId}")
    StageEditView updateStage(@PathVariable UUID id, @PathVariable UUID stageId, @RequestBody StageRequest request) {
        return StageEditView.of(pipelines.updateStage(account.id(), id, stageId, required(request).changes()));
    }

    @Operation(summary = "Delete a stage; 409 while it still has leads or is the pipeline's only open stage")
    @DeleteMapping("/{id}/stages/{stageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteStage(@PathVariable UUID id, @PathVariable UUID stageId) {
        pipelines.deleteStage(account.id(), id, stageId);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw BatonException.badRequest("The request needs a JSON body.");
        }
        return body;
    }
}
