package dev.baton.pipeline.web;

import dev.baton.account.CurrentAccount;
import dev.baton.channel.Channel;
import dev.baton.channel.ChannelKind;
import dev.baton.pipeline.internal.AgentStatus;
import dev.baton.pipeline.internal.AgentTriggers;
import dev.baton.pipeline.internal.TriggerStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Where the agent works: its status, the stages with its trigger, the selected channels and the cooldown. */
@Tag(name = "Agent triggers", description = "Whether the agent is active, and where")
@RestController
@RequestMapping("/api/v1/agent/triggers")
class AgentTriggerApiController {

    private final AgentTriggers triggers;
    private final CurrentAccount account;

    AgentTriggerApiController(AgentTriggers triggers, CurrentAccount account) {
        this.triggers = triggers;
        this.account = account;
    }

    record CooldownRequest(Integer seconds) {
    }

    record TriggersView(AgentStatus status, String explanation, List<StageRef> stages, List<ChannelRef> channels,
            int cooldownSeconds, List<Conflict> conflicts) {

        static TriggersView of(TriggerStatus status) {
            return new TriggersView(status.status(), status.explanation(),
                    status.stages().stream().map(StageRef::of).toList(),
                    status.channels().stream().map(ChannelRef::of).toList(), status.cooldownSeconds(),
                    status.conflicts().stream().map(Conflict::of).toList());
        }
    }

    record StageRef(UUID id, String name, UUID pipelineId, String pipelineName) {

        static StageRef of(TriggerStatus.TriggeredStage triggered) {
            return new StageRef(triggered.stage().id(), triggered.stage().name(), triggered.stage().pipelineId(),
                    triggered.pipelineName());
        }
    }

    record ChannelRef(String id, UUID uuid, ChannelKind kind, String name) {

        static ChannelRef of(Channel channel) {
            return new ChannelRef(channel.slug(), channel.id(), channel.kind(), channel.name());
        }
    }

    record Conflict(UUID stageId, String stageName, String pipelineName, List<String> automations, String message) {

        static Conflict of(TriggerStatus.TriggeredStage triggered) {
            return new Conflict(triggered.stage().id(), triggered.stage().name(), triggered.pipelineName(),
                    triggered.stage().automations(), triggered.warning());
        }
    }

    @Operation(summary = "The agent's status (ACTIVE, PLAYGROUND_ONLY without a selected channel, INACTIVE without a "
            + "stage with the trigger) with the sentence that explains it, the triggered stages, the selected "
            + "channels, the cooldown and the stages where another automation conflicts")
    @GetMapping
    TriggersView status() {
        return TriggersView.of(triggers.status(account.id()));
    }

    @Operation(summary = "How long after a conversation closes the agent waits before it starts in the contact's "
            + "next one: {seconds} from 0 to 604800 (7 days); the answer is the status")
    @PutMapping("/cooldown")
    TriggersView cooldown(@RequestBody(required = false) CooldownRequest request) {
        return TriggersView.of(triggers.setCooldown(account.id(), request == null ? null : request.seconds()));
    }
}
