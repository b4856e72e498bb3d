package dev.baton.inbox.web;

import dev.baton.account.CurrentAccount;
import dev.baton.inbox.internal.InboxItem;
import dev.baton.inbox.internal.InboxService;
import dev.baton.shared.BatonException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The Inbox page: handed-over conversations on the left (unread first, reason badge, SLA timer), the chosen one on
 * the right (summary on top of the whole transcript, reply box, take, close, hand back to the agent).
 */
@Controller
class InboxPageController {

    private final InboxService inbox;
    private final InboxStreams streams;
    private final CurrentAccount account;
    private final Clock clock;

    InboxPageController(InboxService inbox, InboxStreams streams, CurrentAccount account, Clock clock) {
        this.inbox = inbox;
        this.streams = streams;
        this.account = account;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    String page(@RequestParam(name = "c", required = false) UUID conversationId, Model model) {
        // Opening marks it read: before the list is read, so the list shows it read too.
        if (conversationId != null) {
            model.addAttribute("opened", inbox.open(account.principal(), conversationId));
        }
        List<InboxItem> items = inbox.items(account.principal());
        model.addAttribute("items", items);
        model.addAttribute("selectedId", conversationId);
        model.addAttribute("now", clock.instant());
        model.addAttribute("viewer", account.principal());
        inbox.member(account.principal()).ifPresent(member -> model.addAttribute("me", member));
        return "inbox/index";
    }

    @GetMapping("/inbox/list")
    String list(@RequestParam(name = "c", required = false) UUID conversationId, Model model) {
        model.addAttribute("items", inbox.items(account.principal()));
        model.addAttribute("selectedId", conversationId);
        model.addAttribute("now", clock.instant());
        return "inbox/index :: list";
    }

    @GetMapping("/inbox/conversations/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("opened", inbox.open(account.principal(), id));
        model.addAttribute("now", clock.instant());
        model.addAttribute("viewer", account.principal());
        return "inbox/index :: detail";
    }

    @GetMapping("/inbox/conversations/{id}/transcript")
    String transcript(@PathVariable UUID id, Model model) {
        model.addAttribute("opened", inbox.open(account.principal(), id));
        return "inbox/index :: transcript";
    }

    @GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events() throws IOException {
        SseEmitter emitter = streams.open(account.principal());
        if (emitter == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many open inbox streams");
        }
        return emitter;
    }

    @PostMapping("/inbox/conversations/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(name = "text", required = false) String text,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> inbox.reply(account.principal(), id, text), "Sent.", text);
    }

    @PostMapping("/inbox/conversations/{id}/take")
    String take(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> inbox.take(account.principal(), id), "It's yours now.", null);
    }

    @PostMapping("/inbox/conversations/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> inbox.close(account.principal(), id), "Closed.", null);
    }

    @PostMapping("/inbox/conversations/{id}/hand-back")
    String handBack(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> inbox.handBack(account.principal(), id),
                "Handed back: the agent answers the shopper's next message.", null);
    }

    /** Runs the action; a refusal (empty reply, closed conversation) comes back as a readable message, text kept. */
    private String act(UUID id, RedirectAttributes redirect, Runnable action, String done, String text) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (BatonException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("text", text);
        }
        redirect.addAttribute("c", id);
        return "redirect:/inbox";
    }
}
