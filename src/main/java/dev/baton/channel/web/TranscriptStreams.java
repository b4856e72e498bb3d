package dev.baton.channel.web;

import dev.baton.channel.Channel;
import dev.baton.channel.TranscriptLine;
import dev.baton.channel.internal.WebChatLimitReached;
import dev.baton.channel.internal.WebChatProperties;
import dev.baton.channel.internal.WebChatService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The widget's event streams. A stream looks at the visitor's transcript every second and sends what is new, then
 * ends after a short while and the widget opens the next one from the last line it got. The transcript in the
 * database is the only state, so a reply written on any node reaches a visitor streaming from any other, and a
 * node that stops loses nothing. Between checks a stream holds no thread, only its open connection.
 */
@Component
class TranscriptStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TranscriptStreams.class);
    static final int PAGE = 100;

    private final WebChatService webChat;
    private final WebChatProperties properties;
    private final Clock clock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final AtomicInteger open = new AtomicInteger();

    TranscriptStreams(WebChatService webChat, WebChatProperties properties, Clock clock) {
        this.webChat = webChat;
        this.properties = properties;
        this.clock = clock;
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("web-chat-stream-");
        scheduler.setDaemon(true);
        scheduler.initialize();
    }

    /** A stream of the visitor's lines after {@code after}; 503 when this node has as many open as it takes. */
    SseEmitter open(Channel channel, String visitorId, long after) throws IOException {
        if (open.incrementAndGet() > properties.maxStreams()) {
            open.decrementAndGet();
            throw WebChatLimitReached.tooManyStreams();
        }
        SseEmitter emitter = new SseEmitter(properties.streamDuration().plusSeconds(15).toMillis());
        Stream stream = new Stream(emitter, channel, visitorId, after, clock.instant().plus(properties.streamDuration()));
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.close());
        // Sent at once so the browser sees the stream open; the widget reconnects this soon after the stream ends.
        emitter.send(SseEmitter.event().reconnectTime(1_000).comment("open"));
        stream.ticks = scheduler.scheduleWithFixedDelay(stream, properties.streamCheckInterval());
        return emitter;
    }

    int openStreams() {
        return open.get();
    }

    @Override
    public void destroy() {
        scheduler.destroy();
    }

    private final class Stream implements Runnable {

        private final SseEmitter emitter;
        private final Channel channel;
        private final String visitorId;
        private final Instant deadline;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile ScheduledFuture<?> ticks;
        private long after;

        Stream(SseEmitter emitter, Channel channel, String visitorId, long after, Instant deadline) {
            this.emitter = emitter;
            this.channel = channel;
            this.visitorId = visitorId;
            this.after = after;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            if (closed.get()) {
                cancel();
                return;
            }
            try {
                for (TranscriptLine line : webChat.transcript(channel, visitorId, after, PAGE)) {
                    emitter.send(SseEmitter.event().id(Long.toString(line.seq()))
                            .data(WebChatLine.of(line), MediaType.APPLICATION_JSON));
                    after = line.seq();
                }
                if (!clock.instant().isBefore(deadline)) {
                    close();
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException e) {
                // The visitor left (or the request already ended): nothing to send to.
                close();
            } catch (RuntimeException e) {
                log.warn("The web chat stream of channel {} stopped: {}", channel.id(), e.toString());
                close();
                emitter.completeWithError(e);
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                open.decrementAndGet();
                cancel();
            }
        }

        /** Stops the checks; a stream closed before its checks were scheduled stops at its next one. */
        private void cancel() {
            ScheduledFuture<?> scheduled = ticks;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
