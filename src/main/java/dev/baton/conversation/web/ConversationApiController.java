package dev.baton.conversation.web;

import dev.baton.account.BatonPrincipal;
import dev.baton.account.CurrentAccount;
import dev.baton.conversation.internal.ConversationRow;
import dev.baton.conversation.internal.ConversationService;
import dev.baton.conversation.internal.MessageRow;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Conversations: their transcript and lifecycle, and what people do with them (reply, stop the agent, close). */
@Tag(name = "Conversations", description = "Transcripts, lifecycle, stop-agent, manager replies")
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationApiController {

    static final int MAX_PAGE = 500;

    private final ConversationService conversations;
    private final CurrentAccount account;

    ConversationApiController(ConversationService conversations, CurrentAccount account) {
        this.conversations = conversations;
        this.account = account;
    }

    record ConversationView(UUID id, UUID leadId, UUID contactId, String contactName, UUID channelId, String status,
            Instant createdAt, Instant closedAt) {

        static ConversationView of(ConversationRow row) {
            return new ConversationView(row.id(), row.leadId(), row.contactId(), row.contactName(), row.channelId(),
                    row.status().name(), row.createdAt(), row.closedAt());
        }
    }

    record MessageView(UUID id, long seq, String role, String text, String status, String note, UUID inReplyTo,
            Instant createdAt, List<dev.baton.shared.ProductCard> cards) {

        static MessageView of(MessageRow row) {
            return new MessageView(row.id(), row.seq(), row.role(), row.text(), row.status(), row.note(), row.inReplyTo(),
                    row.createdAt(), row.cards());
        }
    }

    record ReplyRequest(String text) {
    }

    @Operation(summary = "A lead's conversations, newest first")
    @GetMapping
    List<ConversationView> ofLead(@RequestParam UUID leadId) {
        return conversations.ofLead(account.id(), leadId).stream().map(ConversationView::of).toList();
    }

    @Operation(summary = "A conversation and its lifecycle state")
    @GetMapping("/{id}")
    ConversationView get(@PathVariable UUID id) {
        return ConversationView.of(conversations.get(account.id(), id));
    }

    @Operation(summary = "The transcript, in order: who wrote (SHOPPER, AGENT, MANAGER, SYSTEM), status, notes; "
            + "'after' is the last seq already read")
    @GetMapping("/{id}/messages")
    List<MessageView> messages(@PathVariable UUID id, @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw BatonException.badRequest("'limit' must be between 1 and " + MAX_PAGE + ".");
        }
        return conversations.messages(account.id(), id, after, limit).stream().map(MessageView::of).toList();
    }

    @Operation(summary = "Stop the agent in this conversation for good")
    @PostMapping("/{id}/stop-agent")
    ConversationView stopAgent(@PathVariable UUID id) {
        return ConversationView.of(conversations.stopAgent(account.id(), id, account.principal().name()));
    }

    @Operation(summary = "A manager's reply, sent through the shopper's channel; the agent stops speaking here")
    @PostMapping("/{id}/reply")
    Map<String, UUID> reply(@PathVariable UUID id, @RequestBody(required = false) ReplyRequest request) {
        BatonPrincipal principal = account.principal();
        UUID messageId = conversations.reply(account.id(), id, request == null ? null : request.text(), null,
                principal.name());
        return Map.of("messageId", messageId);
    }

    @Operation(summary = "Hand a handed-over conversation back to the agent, which starts afresh with the shopper's next message; 409 when the agent was stopped")
    @PostMapping("/{id}/hand-back")
    ConversationView handBack(@PathVariable UUID id) {
        return ConversationView.of(conversations.handBack(account.id(), id, account.principal().name()));
    }

    @Operation(summary = "Close the conversation: the contact's next message opens a new one")
    @PostMapping("/{id}/close")
    ConversationView close(@PathVariable UUID id) {
        return ConversationView.of(conversations.close(account.id(), id, account.principal().name()));
    }
}
