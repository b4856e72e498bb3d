package dev.baton.pipeline.web;

import dev.baton.account.CurrentAccount;
import dev.baton.channel.Channel;
import dev.baton.channel.ChannelKind;
import dev.baton.channel.Channels;
import dev.baton.pipeline.internal.AgentTriggers;
import dev.baton.shared.BatonException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/**
 * The Agent settings page: the agent's status, the cooldown after a conversation closes, the channels it answers
 * on, the web chat's install snippet and, per REST channel, where a host CRM posts messages and gets replies.
 */
@Controller
@RequestMapping("/settings/agent")
class AgentSettingsPageController {

    private final AgentTriggers triggers;
    private final Channels channels;
    private final CurrentAccount account;
    private final String publicUrl;

    AgentSettingsPageController(AgentTriggers triggers, Channels channels, CurrentAccount account,
            @Value("${baton.public-url:}") String publicUrl) {
        this.triggers = triggers;
        this.channels = channels;
        this.account = account;
        this.publicUrl = publicUrl;
    }

    /** A REST channel as a host CRM wires it: where it posts messages, and where replies go (blank: none set). */
    record RestEndpoints(Channel channel, String messageUrl, String callbackUrl) {
    }

    @GetMapping
    String page(Model model) {
        UUID accountId = account.id();
        Channel webChat = channels.webChat(accountId);
        List<Channel> all = channels.list(accountId);
        String base = baseUrl();
        model.addAttribute("trigger", triggers.status(accountId)).addAttribute("channels", all)
                .addAttribute("snippet", "<script src=\"" + base + "/widget/baton-chat.js\" data-key=\""
                        + webChat.publicKey() + "\" async></script>")
                .addAttribute("restChannels", all.stream().filter(channel -> channel.kind() == ChannelKind.REST)
                        .map(channel -> new RestEndpoints(channel, base + "/api/v1/channels/" + channel.slug() + "/messages",
                                channels.callbackUrl(accountId, channel.id()).orElse("")))
                        .toList());
        return "settings/agent";
    }

    @PostMapping("/cooldown")
    String cooldown(@RequestParam(defaultValue = "") String seconds, RedirectAttributes redirect) {
        try {
            int value = parse(seconds);
            triggers.setCooldown(account.id(), value);
            redirect.addFlashAttribute("message", value == 0 ? "Saved: the agent may answer again as soon as a "
                    + "conversation closes." : "Saved: the agent waits " + value + " seconds after a conversation closes.");
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage()).addFlashAttribute("cooldownInput", seconds);
        }
        return "redirect:/settings/agent";
    }

    @PostMapping("/channels")
    String selectChannels(@RequestParam(name = "selected", required = false) List<UUID> selected,
            RedirectAttributes redirect) {
        try {
            triggers.selectChannels(account.id(), selected == null ? List.of() : selected);
            redirect.addFlashAttribute("message", "Saved the agent's channels.");
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/agent";
    }

    private static int parse(String seconds) {
        try {
            return Integer.parseInt(seconds.strip());
        } catch (NumberFormatException e) {
            throw BatonException.badRequest("The cooldown is a whole number of seconds, from 0 to 604800 (7 days); '"
                    + seconds + "' is not.");
        }
    }

    /** Where shoppers' browsers and host CRMs reach Baton: baton.public-url, else the address this page was opened on. */
    private String baseUrl() {
        String base = publicUrl == null || publicUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicUrl.strip();
        return base.replaceAll("/+$", "");
    }
}
