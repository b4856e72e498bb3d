package dev.baton.pipeline.internal;

import dev.baton.pipeline.Stage;
import dev.baton.pipeline.StageKind;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Pipelines and their stages as admins shape them: names, order, won and lost stages, the AI agent trigger and the
 * other automations on a stage. Nothing that still holds leads is deleted, and every pipeline keeps an open stage
 * for new leads.
 */
@Service
public class PipelineEditor {

    static final int MAX_NAME = 120;
    static final int MAX_AUTOMATIONS = 20;

    private final PipelineRepository pipelines;
    private final LeadRepository leads;
    private final PipelineService service;

    PipelineEditor(PipelineRepository pipelines, LeadRepository leads, PipelineService service) {
        this.pipelines = pipelines;
        this.leads = leads;
        this.service = service;
    }

    /** A new pipeline with these stages, or with the default ones (New inquiry, Qualified, Won, Lost). */
    @Transactional
    public Pipeline create(UUID accountId, String name, List<StageChanges> stages) {
        String pipelineName = name(name, "pipeline");
        List<StageChanges> wanted = stages == null || stages.isEmpty() ? PipelineService.DEFAULT_STAGES : stages;
        if (wanted.stream().noneMatch(stage -> stage.kind() == null || stage.kind() == StageKind.OPEN)) {
            throw BatonException.badRequest("A pipeline needs at least one OPEN stage, where new leads start.");
        }
        UUID id = UUID.randomUUID();
        pipelines.insertPipeline(accountId, id, pipelineName, pipelines.pipelines(accountId).size());
        for (int position = 0; position < wanted.size(); position++) {
            StageChanges stage = wanted.get(position);
            pipelines.insertStage(accountId, id, UUID.randomUUID(), name(stage.name(), "stage"), position,
                    stage.kind() == null ? StageKind.OPEN : stage.kind(), Boolean.TRUE.equals(stage.aiTrigger()),
                    automations(stage.automations() == null ? List.of() : stage.automations()));
        }
        return get(accountId, id);
    }

    /** The account's pipelines with their stages; the default one is created if it has none. */
    @Transactional
    public List<Pipeline> list(UUID accountId) {
        service.firstPipeline(accountId);
        return pipelines.pipelines(accountId).stream()
                .map(row -> new Pipeline(row.id(), row.name(), row.position(), pipelines.stages(accountId, row.id())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Pipeline get(UUID accountId, UUID pipelineId) {
        PipelineRepository.PipelineRow row = pipelines.pipeline(accountId, pipelineId)
                .orElseThrow(() -> BatonException.notFound("Pipeline", pipelineId));
        return new Pipeline(row.id(), row.name(), row.position(), pipelines.stages(accountId, row.id()));
    }

    @Transactional
    public Pipeline rename(UUID accountId, UUID pipelineId, String name) {
        get(accountId, pipelineId);
        pipelines.renamePipeline(accountId, pipelineId, name(name, "pipeline"));
        return get(accountId, pipelineId);
    }

    @Transactional
    public void delete(UUID accountId, UUID pipelineId) {
        Pipeline pipeline = get(accountId, pipelineId);
        long held = leads.count(accountId, pipelineId, null);
        if (held > 0) {
            throw BatonException.conflict("Pipeline '" + pipeline.name() + "' still has " + leadCount(held)
                    + ": move them to another pipeline before deleting it.");
        }
        if (pipelines.pipelines(accountId).size() == 1) {
            throw BatonException.conflict("Pipeline '" + pipeline.name() + "' is the account's only pipeline: "
                    + "create another one before deleting it.");
        }
        pipelines.deletePipeline(accountId, pipelineId);
    }

    /** Adds a stage: where {@code position} says, else an open stage before the won and lost ones, a closed one last. */
    @Transactional
    public StageEdit addStage(UUID accountId, UUID pipelineId, StageChanges request) {
        List<Stage> stages = new ArrayList<>(get(accountId, pipelineId).stages());
        StageKind kind = request.kind() == null ? StageKind.OPEN : request.kind();
        int position = request.position() != null ? position(request.position(), stages.size() + 1)
                : kind == StageKind.OPEN ? firstClosed(stages) : stages.size();
        Stage stage = new Stage(UUID.randomUUID(), pipelineId, name(request.name(), "stage"), position, kind,
                Boolean.TRUE.equals(request.aiTrigger()),
                automations(request.automations() == null ? List.of() : request.automations()));
        pipelines.insertStage(accountId, pipelineId, stage.id(), stage.name(), stages.size(), kind, stage.aiTrigger(),
                stage.automations());
        stages.add(position, stage);
        renumber(accountId, stages);
        return edited(accountId, stage.id(), request);
    }

    /** Changes what the request names; a change that makes the stage conflict is saved, with a warning. */
    @Transactional
    public StageEdit updateStage(UUID accountId, UUID pipelineId, UUID stageId, StageChanges request) {
        List<Stage> stages = new ArrayList<>(get(accountId, pipelineId).stages());
        Stage current = stages.stream().filter(stage -> stage.id().equals(stageId)).findFirst()
                .orElseThrow(() -> BatonException.notFound("Stage", stageId));
        StageKind kind = request.kind() == null ? current.kind() : request.kind();
        if (kind != StageKind.OPEN && current.kind() == StageKind.OPEN && openStages(stages) == 1) {
            throw BatonException.conflict("Stage '" + current.name() + "' is the pipeline's only OPEN stage, where new "
                    + "leads start: add another open stage before making it " + kind + ".");
        }
        Stage changed = new Stage(stageId, pipelineId,
                request.name() == null ? current.name() : name(request.name(), "stage"), current.position(), kind,
                request.aiTrigger() == null ? current.aiTrigger() : request.aiTrigger(),
                request.automations() == null ? current.automations() : automations(request.automations()));
        stages.set(stages.indexOf(current), changed);
        if (request.position() != null) {
            stages.remove(changed);
            stages.add(position(request.position(), stages.size() + 1), changed);
        }
        renumber(accountId, stages);
        return edited(accountId, stageId, request);
    }

    @Transactional
    public void deleteStage(UUID accountId, UUID pipelineId, UUID stageId) {
        List<Stage> stages = new ArrayList<>(get(accountId, pipelineId).stages());
        Stage stage = stages.stream().filter(candidate -> candidate.id().equals(stageId)).findFirst()
                .orElseThrow(() -> BatonException.notFound("Stage", stageId));
        long held = leads.count(accountId, pipelineId, stageId);
        if (held > 0) {
            throw BatonException.conflict("Stage '" + stage.name() + "' still has " + leadCount(held)
                    + ": move them to another stage before deleting it.");
        }
        if (stage.kind() == StageKind.OPEN && openStages(stages) == 1) {
            throw BatonException.conflict("Stage '" + stage.name() + "' is the pipeline's only OPEN stage, where new "
                    + "leads start: add another open stage before deleting it.");
        }
        pipelines.deleteStage(accountId, stageId);
        stages.remove(stage);
        renumber(accountId, stages);
    }

    /** The warning a stage with the AI agent trigger and another automation deserves. */
    public static String conflictWarning(Stage stage) {
        return "Stage '" + stage.name() + "' has the AI agent trigger and another automation ("
                + String.join(", ", stage.automations()) + "): another bot on the same stage conflicts with the agent, "
                + "and both may answer the lead. Turn one of them off.";
    }

    private StageEdit edited(UUID accountId, UUID stageId, StageChanges request) {
        Stage saved = pipelines.stage(accountId, stageId).orElseThrow();
        boolean madeConflict = Boolean.TRUE.equals(request.aiTrigger()) || request.automations() != null;
        return new StageEdit(saved, saved.conflicting() && madeConflict ? List.of(conflictWarning(saved)) : List.of());
    }

    private void renumber(UUID accountId, List<Stage> stages) {
        for (int position = 0; position < stages.size(); position++) {
            Stage stage = stages.get(position);
            pipelines.updateStage(accountId, new Stage(stage.id(), stage.pipelineId(), stage.name(), position,
                    stage.kind(), stage.aiTrigger(), stage.automations()));
        }
    }

    private static int firstClosed(List<Stage> stages) {
        for (int position = 0; position < stages.size(); position++) {
            if (stages.get(position).kind() != StageKind.OPEN) {
                return position;
            }
        }
        return stages.size();
    }

    private static long openStages(List<Stage> stages) {
        return stages.stream().filter(stage -> stage.kind() == StageKind.OPEN).count();
    }

    private static int position(int requested, int slots) {
        if (requested < 0 || requested >= slots) {
            throw BatonException.badRequest("'position' is " + requested + "; it must be between 0 and " + (slots - 1)
                    + " (0 is the first stage).");
        }
        return requested;
    }

    private static String name(String name, String what) {
        if (name == null || name.isBlank()) {
            throw BatonException.badRequest("Give the " + what + " a 'name'.");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME) {
            throw BatonException.badRequest("The " + what + " name has " + stripped.length() + " characters; the limit is "
                    + MAX_NAME + ".");
        }
        return stripped;
    }

    private static List<String> automations(List<String> names) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw BatonException.badRequest("An automation in 'automations' has no name: list the names of the "
                        + "other automations (bots) on the stage.");
            }
            distinct.add(name(name, "automation"));
        }
        if (distinct.size() > MAX_AUTOMATIONS) {
            throw BatonException.badRequest("A stage lists at most " + MAX_AUTOMATIONS + " automations; got "
                    + distinct.size() + ".");
        }
        return List.copyOf(distinct);
    }

    private static String leadCount(long count) {
        return count == 1 ? "1 lead" : count + " leads";
    }
}
