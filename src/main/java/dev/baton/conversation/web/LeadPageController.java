package dev.baton.conversation.web;

import dev.baton.account.CurrentAccount;
import dev.baton.channel.Channel;
import dev.baton.channel.Channels;
import dev.baton.conversation.internal.ConversationRow;
import dev.baton.conversation.internal.ConversationService;
import dev.baton.pipeline.Lead;
import dev.baton.pipeline.Leads;
import dev.baton.pipeline.Stage;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The conversation view on a lead: its conversations, the transcript with who wrote each message (shopper, agent,
 * manager, system), the lifecycle state, the red "Stop agent" button, and a reply box for the manager. The
 * transcript refreshes itself every few seconds (htmx), and everything works without JavaScript.
 */
@Controller
class LeadPageController {

    private final ConversationService conversations;
    private final Leads leads;
    private final Channels channels;
    private final CurrentAccount account;

    LeadPageController(ConversationService conversations, Leads leads, Channels channels, CurrentAccount account) {
        this.conversations = conversations;
        this.leads = leads;
        this.channels = channels;
        this.account = account;
    }

    @GetMapping("/leads/{leadId}")
    String lead(@PathVariable UUID leadId, @RequestParam(required = false) UUID conversation, Model model) {
        UUID accountId = account.id();
        Lead lead = leads.find(accountId, leadId).orElseThrow(() -> BatonException.notFound("Lead", leadId));
        List<ConversationRow> all = conversations.ofLead(accountId, leadId);
        ConversationRow shown = conversation == null ? all.stream().findFirst().orElse(null)
                : all.stream().filter(c -> c.id().equals(conversation)).findFirst()
                        .orElseThrow(() -> BatonException.notFound("Conversation", conversation));
        Map<UUID, Channel> byId = channels.list(accountId).stream().collect(Collectors.toMap(Channel::id, Function.identity()));
        model.addAttribute("lead", lead);
        model.addAttribute("stage", leads.stage(accountId, lead.stageId()).map(Stage::name).orElse(""));
        model.addAttribute("conversations", all);
        model.addAttribute("channels", byId);
        model.addAttribute("shown", shown);
        model.addAttribute("messages", shown == null ? List.of() : conversations.messages(accountId, shown.id(), 0, 1000));
        model.addAttribute("notes", leads.notes(accountId, leadId));
        return "conversation/lead";
    }

    /** The transcript alone, for the page's periodic refresh. */
    @GetMapping("/leads/{leadId}/conversations/{conversationId}/transcript")
    String transcript(@PathVariable UUID leadId, @PathVariable UUID conversationId, Model model) {
        ConversationRow shown = ofLead(leadId, conversationId);
        model.addAttribute("shown", shown);
        model.addAttribute("messages", conversations.messages(account.id(), conversationId, 0, 1000));
        return "conversation/lead :: transcript";
    }

    @PostMapping("/leads/{leadId}/conversations/{conversationId}/stop-agent")
    String stopAgent(@PathVariable UUID leadId, @PathVariable UUID conversationId, RedirectAttributes redirect) {
        ofLead(leadId, conversationId);
        act(redirect, () -> conversations.stopAgent(account.id(), conversationId, account.principal().name()),
                "The agent is stopped in this conversation: it will not write here again.");
        return back(leadId, conversationId);
    }

    @PostMapping("/leads/{leadId}/conversations/{conversationId}/reply")
    String reply(@PathVariable UUID leadId, @PathVariable UUID conversationId, @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        ofLead(leadId, conversationId);
        if (!act(redirect, () -> conversations.reply(account.id(), conversationId, text, null, account.principal().name()),
                null)) {
            redirect.addFlashAttribute("text", text);
        }
        return back(leadId, conversationId);
    }

    @PostMapping("/leads/{leadId}/conversations/{conversationId}/close")
    String close(@PathVariable UUID leadId, @PathVariable UUID conversationId, RedirectAttributes redirect) {
        ofLead(leadId, conversationId);
        act(redirect, () -> conversations.close(account.id(), conversationId, account.principal().name()),
                "Conversation closed. The shopper's next message opens a new one.");
        return back(leadId, conversationId);
    }

    private ConversationRow ofLead(UUID leadId, UUID conversationId) {
        ConversationRow conversation = conversations.get(account.id(), conversationId);
        if (!leadId.equals(conversation.leadId())) {
            throw BatonException.notFound("Conversation", conversationId);
        }
        return conversation;
    }

    private static boolean act(RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            if (done != null) {
                redirect.addFlashAttribute("message", done);
            }
            return true;
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return false;
        }
    }

    private static String back(UUID leadId, UUID conversationId) {
        return "redirect:/leads/" + leadId + "?conversation=" + conversationId;
    }
}
