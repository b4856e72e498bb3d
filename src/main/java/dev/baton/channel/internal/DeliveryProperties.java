package dev.baton.channel.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Outgoing delivery: how many attempts before a message is marked FAILED, the backoff between them (exponential,
 * randomized), and the timeouts of one attempt.
 */
@ConfigurationProperties("baton.channel.delivery")
record DeliveryProperties(@DefaultValue("8") int maxAttempts, @DefaultValue("PT2S") Duration initialBackoff,
        @DefaultValue("PT10M") Duration maxBackoff, @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT15S") Duration readTimeout) {
}
