package dev.baton.pipeline.internal;

import dev.baton.channel.Channel;
import dev.baton.channel.Channels;
import dev.baton.pipeline.Stage;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where the agent works: the stages with its trigger and the channels selected for it. Like Kommo's AI agent, it
 * needs both: without a selected channel it is saved and used only in the playground; without a stage with the
 * trigger it is not active.
 */
@Service
public class AgentTriggers {

    static final int MAX_COOLDOWN_SECONDS = 604_800;

    private final PipelineRepository pipelines;
    private final PipelineService service;
    private final Channels channels;

    AgentTriggers(PipelineRepository pipelines, PipelineService service, Channels channels) {
        this.pipelines = pipelines;
        this.service = service;
        this.channels = channels;
    }

    @Transactional(readOnly = true)
    public TriggerStatus status(UUID accountId) {
        Map<UUID, String> pipelineNames = pipelines.pipelines(accountId).stream()
                .collect(Collectors.toMap(PipelineRepository.PipelineRow::id, PipelineRepository.PipelineRow::name));
        List<TriggerStatus.TriggeredStage> triggered = pipelines.allStages(accountId).stream().filter(Stage::aiTrigger)
                .map(stage -> new TriggerStatus.TriggeredStage(stage, pipelineNames.get(stage.pipelineId()))).toList();
        List<Channel> selected = channels.list(accountId).stream().filter(Channel::agentEnabled).toList();
        List<TriggerStatus.TriggeredStage> conflicts = triggered.stream().filter(t -> t.stage().conflicting()).toList();
        AgentStatus status = selected.isEmpty() ? AgentStatus.PLAYGROUND_ONLY
                : triggered.isEmpty() ? AgentStatus.INACTIVE : AgentStatus.ACTIVE;
        return new TriggerStatus(status, explanation(status, triggered, selected), triggered, selected,
                pipelines.cooldownSeconds(accountId), conflicts);
    }

    @Transactional
    public TriggerStatus setCooldown(UUID accountId, Integer seconds) {
        if (seconds == null || seconds < 0 || seconds > MAX_COOLDOWN_SECONDS) {
            throw BatonException.badRequest("'seconds' is the cooldown: a whole number from 0 to "
                    + MAX_COOLDOWN_SECONDS + " (7 days).");
        }
        service.setCooldown(accountId, Duration.ofSeconds(seconds));
        return status(accountId);
    }

    /** Selects exactly these channels for the agent; every other channel of the account is deselected. */
    @Transactional
    public void selectChannels(UUID accountId, List<UUID> selected) {
        for (UUID id : selected) {
            channels.get(accountId, id);
        }
        for (Channel channel : channels.list(accountId)) {
            boolean wanted = selected.contains(channel.id());
            if (channel.agentEnabled() != wanted) {
                channels.setAgentEnabled(accountId, channel.id(), wanted);
            }
        }
    }

    private static String explanation(AgentStatus status, List<TriggerStatus.TriggeredStage> triggered,
            List<Channel> selected) {
        return switch (status) {
            case PLAYGROUND_ONLY -> "No channel is selected for the agent, so the agent can be saved and used only in "
                    + "the playground. Select a channel for it to answer shoppers.";
            case INACTIVE -> "The agent is not active: no pipeline stage has the AI agent trigger. Switch the trigger "
                    + "on for the stages where it should answer leads.";
            case ACTIVE -> "The agent is active: it answers messages on "
                    + selected.stream().map(Channel::name).collect(Collectors.joining(", ")) + " from leads in "
                    + triggered.stream().map(t -> t.stage().name() + " (" + t.pipelineName() + ")")
                            .collect(Collectors.joining(", ")) + ".";
        };
    }
}
