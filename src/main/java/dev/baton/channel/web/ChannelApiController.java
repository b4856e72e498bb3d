package dev.baton.channel.web;

import dev.baton.account.CurrentAccount;
import dev.baton.channel.Channel;
import dev.baton.channel.ChannelKind;
import dev.baton.channel.internal.ChannelRepository;
import dev.baton.channel.internal.ChannelService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account's channels: list, create, select for the agent, change a REST channel's callback, delete. */
@Tag(name = "Channels")
@RestController
@RequestMapping("/api/v1/channels")
class ChannelApiController {

    private final ChannelService channels;
    private final CurrentAccount account;

    ChannelApiController(ChannelService channels, CurrentAccount account) {
        this.channels = channels;
        this.account = account;
    }

    record CreateRequest(String id, ChannelKind kind, String name, Boolean agentEnabled, String callbackUrl,
            String phoneNumberId, String accessToken, String appSecret, String verifyToken) {
    }

    record UpdateRequest(Boolean agentEnabled, String callbackUrl) {
    }

    @Operation(summary = "The account's channels")
    @GetMapping
    List<Map<String, Object>> list() {
        channels.webChat(account.id());
        return channels.list(account.id()).stream().map(ChannelApiController::view).toList();
    }

    @Operation(summary = "A new channel; a REST channel's answer carries its callback signing secret")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody CreateRequest request) {
        ChannelRepository.StoredChannel stored = channels.create(account.id(), new ChannelService.NewChannel(
                request.id(), request.kind(), request.name(), Boolean.TRUE.equals(request.agentEnabled()),
                request.callbackUrl(), request.phoneNumberId(), request.accessToken(), request.appSecret(),
                request.verifyToken()));
        return detailed(stored);
    }

    @Operation(summary = "One channel, with its settings (a REST channel's callback secret included)")
    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return detailed(channels.stored(account.id(), id));
    }

    @Operation(summary = "Select the channel for the agent (agentEnabled) or change a REST channel's callbackUrl")
    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody UpdateRequest request) {
        ChannelRepository.StoredChannel stored = channels.stored(account.id(), id);
        if (request.callbackUrl() != null) {
            stored = channels.updateCallback(account.id(), id, request.callbackUrl());
        }
        if (request.agentEnabled() != null) {
            channels.setAgentEnabled(account.id(), stored.channel().id(), request.agentEnabled());
            stored = channels.stored(account.id(), id);
        }
        return detailed(stored);
    }

    @Operation(summary = "Delete a channel")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        channels.delete(account.id(), id);
    }

    private static Map<String, Object> view(Channel channel) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", channel.slug());
        view.put("uuid", channel.id());
        view.put("kind", channel.kind());
        view.put("name", channel.name());
        view.put("agentEnabled", channel.agentEnabled());
        if (channel.publicKey() != null) {
            view.put("publicKey", channel.publicKey());
        }
        return view;
    }

    /** Settings and, for admins who manage the channel, the secrets they must paste elsewhere. */
    private static Map<String, Object> detailed(ChannelRepository.StoredChannel stored) {
        Map<String, Object> view = view(stored.channel());
        view.putAll(stored.config());
        switch (stored.channel().kind()) {
            case REST -> view.put("callbackSecret", stored.secret("callbackSecret"));
            case WHATSAPP -> {
                view.put("verifyToken", stored.secret("verifyToken"));
                view.put("webhookPath", "/webhooks/whatsapp/" + stored.channel().id());
            }
            case WEB_CHAT -> {
            }
        }
        return view;
    }
}
