package dev.baton.channel.internal;

import dev.baton.channel.ChannelKind;
import org.springframework.stereotype.Component;

/** The web chat widget reads its replies from Baton, so a reply is "sent" once it is stored. */
@Component
class WebChatSender implements ChannelSender {

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEB_CHAT;
    }

    @Override
    public String send(ChannelRepository.StoredChannel channel, Delivery delivery) {
        return null;
    }
}
