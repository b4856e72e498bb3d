package dev.baton.pipeline.web;

import dev.baton.account.Accounts;
import dev.baton.account.CurrentAccount;
import dev.baton.channel.Channels;
import dev.baton.pipeline.Lead;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.internal.AgentTriggers;
import dev.baton.pipeline.internal.NewLead;
import dev.baton.pipeline.internal.Pipeline;
import dev.baton.pipeline.internal.PipelineEditor;
import dev.baton.pipeline.internal.PipelineService;
import dev.baton.pipeline.internal.StageChanges;
import dev.baton.pipeline.internal.StageEdit;
import dev.baton.shared.BatonException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Pipeline page: the stages of a pipeline as columns of lead cards, the AI agent trigger per stage (switching it
 * on where another automation runs asks first), the agent's channel selection and its status. Every form works
 * without JavaScript (post, then redirect back); htmx posts the same forms and swaps in the refreshed board.
 */
@Controller
@RequestMapping("/pipeline")
class PipelinePageController {

    /** The newest leads a column shows; the count above it covers all of them. */
    static final int CARDS_PER_STAGE = 50;

    private final PipelineEditor editor;
    private final PipelineService pipelines;
    private final AgentTriggers triggers;
    private final Channels channels;
    private final Accounts accounts;
    private final CurrentAccount account;

    PipelinePageController(PipelineEditor editor, PipelineService pipelines, AgentTriggers triggers, Channels channels,
            Accounts accounts, CurrentAccount account) {
        this.editor = editor;
        this.pipelines = pipelines;
        this.triggers = triggers;
        this.channels = channels;
        this.accounts = accounts;
        this.account = account;
    }

    record Column(Stage stage, long count, List<LeadCard> leads, boolean confirming) {

        public String warning() {
            return PipelineEditor.conflictWarning(stage);
        }
    }

    @GetMapping
    String page(@RequestParam(name = "pipeline", required = false) UUID pipelineId, Model model) {
        UUID accountId = account.id();
        // set by a switch that waits for confirmation: a flash attribute, so a reload asks no more
        Object confirmStage = model.getAttribute("confirmStage");
        List<Pipeline> all = editor.list(accountId);
        Pipeline shown = pipelineId == null ? all.get(0) : editor.get(accountId, pipelineId);
        ZoneId zone = ZoneId.of(accounts.settings(accountId).timeZone());
        var counts = pipelines.leadCounts(accountId, shown.id());
        List<Column> columns = shown.stages().stream().map(stage -> new Column(stage, counts.getOrDefault(stage.id(), 0L),
                pipelines.leads(accountId, shown.id(), stage.id(), 0, CARDS_PER_STAGE).leads().stream()
                        .map(lead -> LeadCard.of(lead, zone)).toList(),
                stage.id().equals(confirmStage))).toList();
        channels.webChat(accountId);
        model.addAttribute("pipelines", all).addAttribute("pipeline", shown).addAttribute("columns", columns)
                .addAttribute("trigger", triggers.status(accountId)).addAttribute("channels", channels.list(accountId));
        return "pipeline/index";
    }

    /** The switch of a stage's AI agent trigger; on a stage with another automation, switching on asks first. */
    @PostMapping("/stages/{stageId}/trigger")
    String trigger(@PathVariable UUID stageId, @RequestParam UUID pipeline, @RequestParam boolean on,
            @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        return act(redirect, pipeline, () -> {
            Stage stage = editor.get(account.id(), pipeline).stages().stream().filter(s -> s.id().equals(stageId))
                    .findFirst().orElseThrow(() -> BatonException.notFound("Stage", stageId));
            if (on && !confirmed && !stage.automations().isEmpty()) {
                redirect.addFlashAttribute("confirmStage", stageId);
                return null;
            }
            StageEdit edit = editor.updateStage(account.id(), pipeline, stageId,
                    new StageChanges(null, null, null, on, null));
            return "Switched the AI agent " + (on ? "on" : "off") + " for '" + edit.stage().name() + "'.";
        });
    }

    /** The agent's channel selection: exactly the ticked channels. */
    @PostMapping("/channels")
    String selectChannels(@RequestParam UUID pipeline, @RequestParam(name = "selected", required = false) List<UUID> selected,
            RedirectAttributes redirect) {
        return act(redirect, pipeline, () -> {
            triggers.selectChannels(account.id(), selected == null ? List.of() : selected);
            return "Saved the agent's channels.";
        });
    }

    @PostMapping("/leads")
    String addLead(@RequestParam UUID pipeline, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) UUID stageId, RedirectAttributes redirect) {
        return act(redirect, pipeline, () -> "Added the lead '"
                + pipelines.create(account.id(), new NewLead(name, pipeline, stageId, null, null)).name() + "'.");
    }

    @PostMapping("/leads/{leadId}/stage")
    String moveLead(@PathVariable UUID leadId, @RequestParam UUID pipeline, @RequestParam(required = false) UUID stageId,
            RedirectAttributes redirect) {
        return act(redirect, pipeline, () -> {
            Lead lead = pipelines.moveLead(account.id(), leadId, stageId);
            String stage = editor.get(account.id(), lead.pipelineId()).stages().stream()
                    .filter(s -> s.id().equals(lead.stageId())).map(Stage::name).findFirst().orElse("its stage");
            return "Moved '" + lead.name() + "' to " + stage + ".";
        });
    }

    /** Runs the action and goes back to the board with what it says (nothing when it answers null), or its error. */
    private static String act(RedirectAttributes redirect, UUID pipeline, Supplier<String> action) {
        try {
            String message = action.get();
            if (message != null) {
                redirect.addFlashAttribute("message", message);
            }
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.status() == HttpStatus.NOT_FOUND.value()
                    ? "That stage, lead or channel no longer exists: it was deleted meanwhile (in another tab, or "
                    + "through the API). The board below is up to date." : e.getMessage());
        }
        return back(pipeline);
    }

    private static String back(UUID pipeline) {
        return "redirect:/pipeline?pipeline=" + pipeline;
    }
}
