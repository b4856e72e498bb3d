package dev.baton.channel.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code baton.channel.web-chat.*}: how the widget's event stream runs and how much one visitor may write.
 *
 * @param streamDuration             how long one event stream stays open before it ends and the widget reconnects;
 *                                   short, so no node holds a visitor for long and any node can serve the next one
 * @param streamCheckInterval        how often an open stream looks for new lines in the transcript
 * @param maxStreams                 open streams per node; past it the widget is told to poll instead (503)
 * @param messagesPerVisitorPerMinute messages one visitor id may send in a minute (per node; the agent's own
 *                                   usage limits bound what a whole account costs)
 */
@Validated
@ConfigurationProperties("baton.channel.web-chat")
public record WebChatProperties(
        @DefaultValue("PT25S") @NotNull Duration streamDuration,
        @DefaultValue("PT1S") @NotNull Duration streamCheckInterval,
        @DefaultValue("200") @Min(0) int maxStreams,
        @DefaultValue("20") @Min(1) int messagesPerVisitorPerMinute) {
}
