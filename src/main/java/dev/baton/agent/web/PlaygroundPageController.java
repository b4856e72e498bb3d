package dev.baton.agent.web;

import dev.baton.account.CurrentAccount;
import dev.baton.agent.internal.AgentReply;
import dev.baton.agent.internal.AgentService;
import dev.baton.agent.internal.ConversationMessage;
import dev.baton.agent.internal.TestCase;
import dev.baton.agent.internal.TestCases;
import dev.baton.agent.internal.Trace;
import dev.baton.shared.BatonException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The Playground page: the admin writes as a shopper, the agent answers on the account's current sources, and the
 * trace of the last reply shows beside the chat. A session starts with its first message. The page carries its
 * session's id in a hidden field, so a tab whose session was reset in another tab says so; the HTTP session (kept
 * in the database, so any node serves the next request) remembers the last one, which the page shows when opened.
 */
@Controller
@RequestMapping("/playground")
class PlaygroundPageController {

    static final String SESSION = "playground.session";

    private final AgentService agent;
    private final TestCases cases;
    private final CurrentAccount account;

    PlaygroundPageController(AgentService agent, TestCases cases, CurrentAccount account) {
        this.agent = agent;
        this.cases = cases;
        this.account = account;
    }

    @GetMapping
    String page(HttpSession http, Model model) {
        return fill(http, model);
    }

    /** "Save as test case": this session's messages, with what the reply must contain and whether it hands over. */
    @PostMapping("/cases")
    String saveCase(@RequestParam(required = false) UUID session, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String contains, @RequestParam(defaultValue = "") String handover,
            RedirectAttributes redirect) {
        try {
            if (session == null) {
                throw BatonException.badRequest("Chat first: a test case is made of this session's messages.");
            }
            List<String> texts = Arrays.stream(contains.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            Boolean handsOver = switch (handover) {
                case "yes" -> Boolean.TRUE;
                case "no" -> Boolean.FALSE;
                default -> null;
            };
            cases.saveSession(account.id(), session, name,
                    new TestCase.Expectations(texts, List.of(), List.of(), handsOver, null));
            redirect.addFlashAttribute("message", "Saved the test case '" + name.strip() + "'.");
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/playground";
    }

    /** Runs every test case against the current sources and model and shows the report on the page. */
    @PostMapping("/cases/run")
    String runCases(HttpSession http, Model model) {
        List<TestCase.Result> report = cases.runAll(account.id());
        model.addAttribute("report", report)
                .addAttribute("reportPassed", report.stream().filter(TestCase.Result::passed).count());
        return fill(http, model);
    }

    private String fill(HttpSession http, Model model) {
        model.addAttribute("caseCount", cases.list(account.id()).size());
        UUID session = (UUID) http.getAttribute(SESSION);
        List<ConversationMessage> messages = session == null ? List.of() : agent.messages(account.id(), session);
        Trace last = messages.stream().filter(ConversationMessage::fromAgent).reduce((first, second) -> second)
                .map(ConversationMessage::trace).orElse(null);
        model.addAttribute("lines", ChatLine.of(messages)).addAttribute("trace", last).addAttribute("sessionId", session);
        return "playground/index";
    }

    /** From htmx: the two new lines to append to the chat, with the reply's trace and an emptied message box. */
    @PostMapping(path = "/messages", headers = "HX-Request=true")
    String sendInPage(@RequestParam(defaultValue = "") String text, @RequestParam(required = false) UUID session,
            HttpSession http, Model model, HttpServletResponse response) {
        try {
            Sent sent = send(text, session, http);
            model.addAttribute("lines", ChatLine.turn(text.strip(), sent.reply()))
                    .addAttribute("trace", sent.reply().trace()).addAttribute("sessionId", sent.session());
            return "playground/chat :: replied";
        } catch (BatonException e) {
            // Nothing is appended and the message box keeps what was typed: only the error (and a gone chat) change.
            response.setHeader("HX-Reswap", "none");
            model.addAttribute("sessionGone", gone(e)).addAttribute("error", failure(e, session, http));
            return "playground/chat :: failed";
        }
    }

    /** Without JavaScript: send, then show the whole conversation again. */
    @PostMapping("/messages")
    String send(@RequestParam(defaultValue = "") String text, @RequestParam(required = false) UUID session,
            HttpSession http, RedirectAttributes redirect) {
        try {
            send(text, session, http);
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", failure(e, session, http)).addFlashAttribute("text", text);
        }
        return "redirect:/playground";
    }

    /** Deletes the page's session (or, from a page without one, the remembered one); the next message starts anew. */
    @PostMapping("/reset")
    String reset(@RequestParam(required = false) UUID session, HttpSession http, RedirectAttributes redirect) {
        UUID shown = session != null ? session : (UUID) http.getAttribute(SESSION);
        http.removeAttribute(SESSION);
        if (shown != null) {
            try {
                agent.deleteConversation(account.id(), shown);
            } catch (BatonException e) {
                // already deleted, by a reset in another tab: nothing is left to delete
            }
        }
        redirect.addFlashAttribute("message", "Reset: what was said is deleted. The next message starts a new session.");
        return "redirect:/playground";
    }

    private Sent send(String text, UUID session, HttpSession http) {
        if (text.isBlank()) {
            throw BatonException.badRequest("Type the shopper's message first.");
        }
        UUID current = session != null ? session : agent.startConversation(account.id(), "PLAYGROUND");
        try {
            AgentReply reply = agent.reply(account.id(), current, text);
            http.setAttribute(SESSION, current);
            return new Sent(current, reply);
        } catch (BatonException e) {
            if (session == null) {
                // a session starts with a message that was answered, so a refused first message leaves none behind
                agent.deleteConversation(account.id(), current);
            }
            throw e;
        }
    }

    /** The error in words; a session that is gone is forgotten, so that the next message starts a new one. */
    private static String failure(BatonException e, UUID session, HttpSession http) {
        if (!gone(e)) {
            return e.getMessage();
        }
        if (session != null && session.equals(http.getAttribute(SESSION))) {
            http.removeAttribute(SESSION);
        }
        return "This playground session no longer exists (was it reset in another tab?), so the message was not "
                + "sent. Send it again to start a new session.";
    }

    private static boolean gone(BatonException e) {
        return e.status() == HttpStatus.NOT_FOUND.value();
    }

    private record Sent(UUID session, AgentReply reply) {
    }
}
