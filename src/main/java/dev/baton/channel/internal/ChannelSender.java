package dev.baton.channel.internal;

import dev.baton.channel.ChannelKind;

/**
 * Sends one message on one kind of channel. Returns the channel's id for the sent message (null if it has none);
 * throws {@link DeliveryFailure} when the channel refused or could not be reached.
 */
public interface ChannelSender {

    ChannelKind kind();

    String send(ChannelRepository.StoredChannel channel, Delivery delivery) throws DeliveryFailure;
}
