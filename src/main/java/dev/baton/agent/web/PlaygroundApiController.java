package dev.baton.agent.web;

import dev.baton.account.CurrentAccount;
import dev.baton.agent.internal.AgentReply;
import dev.baton.agent.internal.AgentService;
import dev.baton.agent.internal.Trace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The playground: admins talk to the agent on the account's current sources. Sessions are conversations of their
 * own, so nothing touches leads, pipelines, channels or analytics; every reply comes with its trace.
 */
@Tag(name = "Playground", description = "Try the agent safely, with the trace of every reply")
@RestController
@RequestMapping("/api/v1/playground/sessions")
class PlaygroundApiController {

    private final AgentService agent;
    private final CurrentAccount account;

    PlaygroundApiController(AgentService agent, CurrentAccount account) {
        this.agent = agent;
        this.account = account;
    }

    @Operation(summary = "Start a playground session")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> start() {
        return Map.of("id", agent.startConversation(account.id(), "PLAYGROUND"));
    }

    @Operation(summary = "Send a shopper's message; the answer is the agent's reply with its trace")
    @PostMapping("/{id}/messages")
    ReplyView message(@PathVariable UUID id, @RequestBody MessageRequest request) {
        return ReplyView.of(agent.reply(account.id(), id, request == null ? null : request.text()));
    }

    @Operation(summary = "Reset: the session and everything said in it are deleted")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@PathVariable UUID id) {
        agent.deleteConversation(account.id(), id);
    }

    record MessageRequest(String text) {
    }

    record ReplyView(String reply, String language, List<dev.baton.shared.ProductCard> cards, Handover handover,
            TraceView trace) {

        static ReplyView of(AgentReply reply) {
            Trace trace = reply.trace();
            return new ReplyView(reply.text(), reply.language().code(), reply.cards(),
                    new Handover(reply.handover(), reply.reasons()),
                    new TraceView(trace.language(), trace.intent(), trace.intentScore(),
                            trace.retrieved().stream().map(hit -> new Retrieved(hit.sourceId(), hit.title(), hit.origin(),
                                    hit.score())).toList(),
                            trace.tools().stream().map(call -> new Tool(call.name(), call.arguments(), call.result())).toList(),
                            trace.guardrails(), trace.handoverRules(), trace.handoverClassifier(), trace.model(),
                            trace.latencyMs()));
        }
    }

    record Handover(boolean triggered, List<String> reasons) {
    }

    record TraceView(String language, String intent, double intentScore, List<Retrieved> retrieved, List<Tool> tools,
            List<String> guardrails, List<String> handoverRules, Trace.HandoverClassifier handoverClassifier,
            String model, long latencyMs) {
    }

    record Retrieved(UUID sourceId, String title, String origin, double score) {
    }

    record Tool(String name, Map<String, Object> arguments, String result) {
    }
}
