package dev.baton.inbox.web;

import dev.baton.account.CurrentAccount;
import dev.baton.inbox.internal.InboxItem;
import dev.baton.inbox.internal.InboxService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The inbox for host CRMs: handed-over conversations waiting for people. */
@Tag(name = "Inbox", description = "Handed-over conversations for managers")
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApiController {

    private final InboxService inbox;
    private final CurrentAccount account;

    InboxApiController(InboxService inbox, CurrentAccount account) {
        this.inbox = inbox;
        this.account = account;
    }

    @Operation(summary = "Open handed-over conversations, unread first then by SLA due time: {conversationId, leadId, "
            + "contact {id, name, channel}, reasons (the category first), category, priority, summary, unread, "
            + "assignee {id, name} or null, assignedGroup, slaDueAt, handedOverAt, firstReplyAt}; reply, close and "
            + "hand back with /api/v1/conversations/{id}/reply, /close, /hand-back")
    @GetMapping
    List<InboxItem> items() {
        return inbox.items(account.principal());
    }
}
