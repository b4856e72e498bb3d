package dev.baton.channel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The channels of an account: what other modules (pipeline page, conversations) read and switch. */
public interface Channels {

    List<Channel> list(UUID accountId);

    /** The channel, or 404 when it does not exist in this account. */
    Channel get(UUID accountId, UUID channelId);

    Optional<Channel> findBySlug(UUID accountId, String slug);

    /** The account's web chat, created (not selected for the agent) if it has none yet. */
    Channel webChat(UUID accountId);

    /** A REST channel's callback URL, where its replies are posted; empty when none is set or it is no REST channel. */
    Optional<String> callbackUrl(UUID accountId, UUID channelId);

    /** Selects the channel for the agent, or deselects it. */
    void setAgentEnabled(UUID accountId, UUID channelId, boolean enabled);
}
