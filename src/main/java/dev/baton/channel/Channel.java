package dev.baton.channel;

import java.util.UUID;

/**
 * A channel of an account. {@code slug} names it in the API ({@code /api/v1/channels/{slug}/messages}), unique in
 * the account; {@code agentEnabled} is the agent's channel selection: only messages on a selected channel can start
 * the agent. {@code publicKey} is set for the web chat only: it is pasted into the store's pages, so it is no secret.
 */
public record Channel(UUID id, UUID accountId, String slug, ChannelKind kind, String name, boolean agentEnabled,
        String publicKey) {
}
